import { useState } from 'react';

/**
 * Keyset paging: the API only goes forward (`next_cursor`), so the cursors that opened the pages
 * so far are kept on a stack; Previous pops back to the one before.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<string[]>([]);
  return {
    /** The cursor of the page on screen; undefined on the first page. */
    cursor: cursors.at(-1),
    /** 0 on the first page. */
    pageIndex: cursors.length,
    goToNext: (nextCursor: string) => setCursors((stack) => [...stack, nextCursor]),
    goToPrevious: () => setCursors((stack) => stack.slice(0, -1)),
  };
}
