import { type Dispatch, type SetStateAction, useEffect, useState } from 'react';
import type { PageKey } from '../../api/endpoints';
import type { Patient } from '../../api/types';

/**
 * One page of the list as reached: which page to ask the server for, and where its rows stand in the
 * whole list, as far as known before it loads. The server's keyset pages carry no row numbers (it counts
 * only the total), so they are worked out from the way the clinician came: forwards from the first page
 * (`from`), backwards from the end (`until`), or the last page itself (neither: it ends at the total).
 */
export interface PageAt {
  key: PageKey;
  /** Row number of its first patient (the first page; a page reached with Next). */
  from?: number;
  /** Row number just after its last patient (a page reached backwards, which ends where the page it was reached from began). */
  until?: number;
}

/**
 * Where the clinician is in the patient list: the search, the filters and the pages passed through
 * (`pages.at(-1)` is shown; Previous goes back through them, and past the first of them with the server's
 * `before` cursor). With 100 000 patients, opening a patient and coming back must not throw the clinician
 * back to page 1 of an empty search, so the position outlives the page. It is kept in memory only, for the
 * signed-in user who made it: not in the URL or in storage, where a patient's name (the search, the
 * cursors) would end up in the browser's history; a reload or another user starts at the first page.
 */
export interface ListPosition {
  q: string;
  side: Patient['affectedSide'] | null;
  sex: Patient['sex'] | null;
  pages: PageAt[];
}

const FIRST: PageAt = { key: {}, from: 1 };

export const FIRST_PAGE: ListPosition = { q: '', side: null, sex: null, pages: [FIRST] };

/** The shown page. */
export const currentPage = (p: ListPosition): PageAt => p.pages.at(-1) ?? FIRST;

/**
 * Row number (from 1) of the first of `shown` patients on page `at`, in a list of `total`; `atStart`:
 * the server says no patient precedes the page (a page asked for backwards may be the first page).
 */
export function firstRow(at: PageAt, shown: number, total: number, atStart: boolean): number {
  if (at.from !== undefined) return at.from;
  if (atStart) return 1;
  return Math.max(1, (at.until ?? total + 1) - shown);
}

/** The same search and filters, at the first page. */
export const toFirst = (p: ListPosition): ListPosition => ({ ...p, pages: [FIRST] });

/** The last page: a new way through the list, counted from its end. */
export const toLast = (p: ListPosition): ListPosition => ({ ...p, pages: [{ key: { last: true } }] });

/** The page after the shown one (`after`, from the server), whose `shown` rows start at row `from`. */
export const toNext = (p: ListPosition, after: string, from: number, shown: number): ListPosition => ({
  ...p,
  pages: [...p.pages, { key: { after }, from: from + shown }],
});

/**
 * The page before the shown one: the page passed through before it, as it was; else (the shown page was
 * reached from the end) the server's previous page (`previous`), which ends where the shown page, starting
 * at row `from`, begins. Unchanged when neither exists.
 */
export function toPrevious(p: ListPosition, previous: PageKey | null, from: number): ListPosition {
  if (p.pages.length > 1) return { ...p, pages: p.pages.slice(0, -1) };
  return previous ? { ...p, pages: [{ key: previous, until: from }] } : p;
}

let kept: { user: string; position: ListPosition } | undefined;

export function useListPosition(
  user: string | undefined,
): [ListPosition, Dispatch<SetStateAction<ListPosition>>] {
  const [position, setPosition] = useState(() =>
    kept && user && kept.user === user ? kept.position : FIRST_PAGE,
  );
  useEffect(() => {
    if (user) kept = { user, position };
  }, [user, position]);
  return [position, setPosition];
}
