import { useSearchParams } from 'react-router';

/** The page of a paged list, kept in the address (`?page=3`) so that Back and shared links return to it. */
export function usePageParam(): [page: number, setPage: (page: number) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = Number(searchParams.get('page'));
  const page = Number.isInteger(requested) && requested >= 1 ? requested : 1;
  const setPage = (next: number) =>
    setSearchParams((current) => {
      const updated = new URLSearchParams(current);
      if (next > 1) updated.set('page', String(next));
      else updated.delete('page');
      return updated;
    });
  return [page, setPage];
}
