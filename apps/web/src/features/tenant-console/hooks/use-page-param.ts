import { useSearchParams } from 'react-router';

/** The 1-based page of a paged list, kept in the address (`?page=2`) so that a link shows the same rows. */
export function usePageParam(): [number, (page: number) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = Number(searchParams.get('page'));
  const page = Number.isInteger(requested) && requested > 1 ? requested : 1;
  function setPage(next: number) {
    setSearchParams((current) => {
      const updated = new URLSearchParams(current);
      if (next > 1) updated.set('page', String(next));
      else updated.delete('page');
      return updated;
    });
  }
  return [page, setPage];
}
