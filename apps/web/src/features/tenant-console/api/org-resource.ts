import type { PaginationDto } from '@keel/api-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';

/** Cloud accounts, budgets, alert rules: the org's resources that owners, admins and operators change. */
export type OrgResourceItem = { id: string; name: string };
export type PageQuery = { page: number; limit: number };
export type ResourcePage<Item> = { items: Item[]; pagination: PaginationDto };

export const PAGE_SIZE = 50;

/** How one kind of resource reaches the API; the pages, forms and hooks below work for any of them. */
export type OrgResource<Item extends OrgResourceItem, CreateBody, UpdateBody> = {
  /** Names its query keys, e.g. `budgets`. */
  key: string;
  list: (query: PageQuery, signal: AbortSignal) => Promise<ResourcePage<Item>>;
  create: (body: CreateBody) => Promise<Item>;
  update: (id: string, body: UpdateBody) => Promise<Item>;
  remove: (id: string) => Promise<void>;
  /** Other cached data that a change makes stale, e.g. the costs of a deleted cloud account. */
  affects?: readonly QueryKey[];
};

type SdkCall<Options, Data> = (options: Options & { throwOnError: true }) => Promise<{ data: Data }>;

/** The generated client's list, create, update and delete functions of one resource. */
type ResourceSdk<Item, CreateBody, UpdateBody> = {
  list: SdkCall<{ query: PageQuery; signal: AbortSignal }, ResourcePage<Item>>;
  create: SdkCall<{ body: CreateBody }, Item>;
  update: SdkCall<{ path: { id: string }; body: UpdateBody }, Item>;
  remove: SdkCall<{ path: { id: string } }, unknown>;
};

export function orgResource<Item extends OrgResourceItem, CreateBody, UpdateBody>(
  key: string,
  sdk: ResourceSdk<Item, CreateBody, UpdateBody>,
  affects?: readonly QueryKey[],
): OrgResource<Item, CreateBody, UpdateBody> {
  return {
    key,
    list: async (query, signal) => (await sdk.list({ query, signal, throwOnError: true })).data,
    create: async (body) => (await sdk.create({ body, throwOnError: true })).data,
    update: async (id, body) => (await sdk.update({ path: { id }, body, throwOnError: true })).data,
    remove: async (id) => {
      await sdk.remove({ path: { id }, throwOnError: true });
    },
    affects,
  };
}

export const orgResourceKeys = {
  all: (key: string) => ['org-resource', key] as const,
  page: (key: string, query: PageQuery) => [...orgResourceKeys.all(key), 'page', query] as const,
};

export function useResourcePage<Item extends OrgResourceItem>(resource: OrgResource<Item, never, never>, query: PageQuery) {
  return useQuery({
    queryKey: orgResourceKeys.page(resource.key, query),
    queryFn: ({ signal }) => resource.list(query, signal),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

/** Marks a resource's lists, and what depends on them, as stale after a change. */
export function useInvalidateResource(resource: { key: string; affects?: readonly QueryKey[] }) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([orgResourceKeys.all(resource.key), ...(resource.affects ?? [])].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export type SaveResource<CreateBody, UpdateBody> = { id?: undefined; body: CreateBody } | { id: string; body: UpdateBody };

/** Creates (no id) or updates (with the item's id) one resource. */
export function useSaveResource<Item extends OrgResourceItem, CreateBody, UpdateBody>(resource: OrgResource<Item, CreateBody, UpdateBody>) {
  const invalidate = useInvalidateResource(resource);
  return useMutation({
    mutationFn: (save: SaveResource<CreateBody, UpdateBody>) => (save.id === undefined ? resource.create(save.body) : resource.update(save.id, save.body)),
    onSuccess: invalidate,
  });
}

export function useDeleteResource<Item extends OrgResourceItem>(resource: OrgResource<Item, never, never>) {
  const invalidate = useInvalidateResource(resource);
  return useMutation({ mutationFn: (id: string) => resource.remove(id), onSuccess: invalidate });
}
