import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../../../../components/ui/confirm-dialog';
import { PageHeader } from '../../../../components/ui/page-header';
import { ErrorState, LoadingState, NothingFound } from '../../../../components/ui/query-states';
import { useDeleteResource, useResourcePage, useSaveResource, PAGE_SIZE, type OrgResource, type OrgResourceItem } from '../../api/org-resource';
import { usePageParam } from '../../hooks/use-page-param';
import { useTenantUser } from '../../hooks/use-tenant-user';
import { ListPager } from '../../../../components/ui/list-pager';
import type { FormValues, ResourceField } from './resource-fields';
import { ResourceFormDialog } from './resource-form-dialog';
import { ResourceTable, type ResourceColumn } from './resource-table';

/** How a resource's form maps to and from the API. */
export type ResourceForm<Item, Values extends FormValues, CreateBody, UpdateBody> = {
  fields: ResourceField<Values>[];
  /** The values of a new item (none given) or of the item being edited. */
  valuesOf: (item?: Item) => Values;
  toCreateBody: (values: Values) => CreateBody;
  toUpdateBody: (values: Values) => UpdateBody;
};

type OrgResourcePageProps<Item extends OrgResourceItem, Values extends FormValues, CreateBody, UpdateBody> = {
  resource: OrgResource<Item, CreateBody, UpdateBody>;
  form: ResourceForm<Item, Values, CreateBody, UpdateBody>;
  title: string;
  description: string;
  /** The resource in words, lower case: "budget", "cloud account". */
  noun: string;
  createLabel?: string;
  editLabel?: string;
  columns: ResourceColumn<Item>[];
  empty: { title: string; description: string };
  /** What deleting the item takes with it, said in the confirmation. */
  deleteConsequence: (item: Item) => ReactNode;
  /** Buttons before Edit and Delete, for people who may change resources (e.g. Sync now). */
  rowActions?: (item: Item) => ReactNode;
};

type Editing<Item> = { item?: Item } | null;

/**
 * A whole page of one kind of org resource: the list (paged, page in the address), and for owners,
 * admins and operators the create and edit dialog and deletion with confirmation. Viewers only read.
 */
export function OrgResourcePage<Item extends OrgResourceItem, Values extends FormValues, CreateBody, UpdateBody>(
  props: OrgResourcePageProps<Item, Values, CreateBody, UpdateBody>,
) {
  const { resource, form, title, description, noun, columns, empty, deleteConsequence, rowActions } = props;
  const createLabel = props.createLabel ?? `New ${noun}`;
  const editLabel = props.editLabel ?? 'Edit';
  const Noun = noun[0].toUpperCase() + noun.slice(1);
  const { may } = useTenantUser();
  const mayChange = may('orgResources');
  const [page, setPage] = usePageParam();
  const list = useResourcePage(resource, { page, limit: PAGE_SIZE });
  const save = useSaveResource(resource);
  const remove = useDeleteResource(resource);
  const [editing, setEditing] = useState<Editing<Item>>(null);
  const [deleting, setDeleting] = useState<Item | null>(null);

  function openForm(item?: Item) {
    save.reset();
    setEditing({ item });
  }

  function submit(values: Values) {
    const item = editing?.item;
    const request = item ? { id: item.id, body: form.toUpdateBody(values) } : { body: form.toCreateBody(values) };
    save.mutate(request, {
      onSuccess: (saved) => {
        setEditing(null);
        notifications.show({ color: 'teal', title: item ? `${Noun} saved` : `${Noun} created`, message: `${saved.name} is saved.` });
      },
    });
  }

  function confirmDelete(item: Item) {
    remove.mutate(item.id, {
      onSuccess: () => {
        setDeleting(null);
        notifications.show({ color: 'teal', title: `${Noun} deleted`, message: `${item.name} is deleted.` });
      },
    });
  }

  const createButton = mayChange && <Button onClick={() => openForm()}>{createLabel}</Button>;

  return (
    <Stack gap="lg">
      <PageHeader title={title} description={description} actions={createButton} />
      {list.isPending ? (
        <LoadingState label={`Loading ${title.toLowerCase()}`} />
      ) : list.isError ? (
        <ErrorState title={`${title} could not be loaded`} error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        page > 1 ? (
          <NothingFound title="Nothing on this page" description="The list is shorter than this page number." action={<Button onClick={() => setPage(1)}>Go to the first page</Button>} />
        ) : (
          <NothingFound title={empty.title} description={mayChange ? empty.description : `${empty.description} Your role can only read them.`} />
        )
      ) : (
        <ResourceTable
          label={title}
          items={list.data.items}
          columns={columns}
          actions={
            mayChange
              ? (item) => (
                  <>
                    {rowActions?.(item)}
                    <Button variant="default" size="compact-sm" aria-label={`${editLabel} ${item.name}`} onClick={() => openForm(item)}>
                      {editLabel}
                    </Button>
                    <Button
                      variant="subtle"
                      color="red"
                      size="compact-sm"
                      aria-label={`Delete ${item.name}`}
                      onClick={() => {
                        remove.reset();
                        setDeleting(item);
                      }}
                    >
                      Delete
                    </Button>
                  </>
                )
              : undefined
          }
          footer={<ListPager pagination={list.data.pagination} shownCount={list.data.items.length} busy={list.isPlaceholderData} onPage={setPage} />}
        />
      )}
      <ResourceFormDialog
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.item ? `${editLabel} ${editing.item.name}` : createLabel}
        submitLabel={editing?.item ? 'Save' : createLabel}
        fields={form.fields}
        initialValues={form.valuesOf(editing?.item)}
        editing={!!editing?.item}
        onSubmit={submit}
        pending={save.isPending}
        error={save.error}
      />
      <ConfirmDialog
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete ${noun}`}
        confirmLabel={`Delete ${noun}`}
        onConfirm={() => deleting && confirmDelete(deleting)}
        pending={remove.isPending}
        error={remove.error}
      >
        {deleting && (
          <Text size="sm">
            Delete <strong>{deleting.name}</strong>? {deleteConsequence(deleting)} This cannot be undone.
          </Text>
        )}
      </ConfirmDialog>
    </Stack>
  );
}
