import { type Dispatch, type SetStateAction, useEffect, useState } from 'react';
import type { Patient } from '../../api/types';

/**
 * Where the clinician is in the patient list: the search, the filters and the cursors of the pages
 * passed through (`cursors[i]` opens page i; undefined: the first page). With 100 000 patients, opening
 * a patient and coming back must not throw the clinician back to page 1 of an empty search, so the
 * position outlives the page. It is kept in memory only, for the signed-in user who made it: not in the
 * URL or in storage, where a patient's name (the search, the cursors) would end up in the browser's
 * history; a reload or another user starts at the first page.
 */
export interface ListPosition {
  q: string;
  side: Patient['affectedSide'] | null;
  sex: Patient['sex'] | null;
  cursors: Array<string | undefined>;
}

export const FIRST_PAGE: ListPosition = { q: '', side: null, sex: null, cursors: [undefined] };

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
