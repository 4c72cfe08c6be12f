/**
 * The patient list's First / Previous / Next / Last over the server's keyset pages: wherever the clinician
 * goes, the caption's row numbers are the shown patients' true places in the list, and Previous shows
 * exactly the page before. The server is modelled by its documented rules (routes/patient-list.ts in
 * @hemispasm/server): `after` and `before` cursors, `last`, and a page before a cursor that fewer than a
 * page precede is the first page.
 */
import { describe, expect, it } from 'vitest';
import type { PageKey } from '../src/api/endpoints';
import type { ListPosition } from '../src/pages/clinician/patient-list-position';
import * as list from '../src/pages/clinician/patient-list-position';

const { currentPage, FIRST_PAGE, firstRow, toFirst, toLast, toNext, toPrevious } = list;

const LIMIT = 50;
/** 233 patients in the list's order (their cursors are their names here). */
const LIST = Array.from({ length: 233 }, (_, i) => `patient ${String(i).padStart(3, '0')}`);

/** The server's answer for one page. */
function serve(key: PageKey) {
  const at = (c: string) => LIST.indexOf(c);
  let start: number;
  if (key.after !== undefined) start = at(key.after) + 1;
  else if (key.last) start = Math.max(0, LIST.length - LIMIT);
  else if (key.before !== undefined) start = Math.max(0, at(key.before) - LIMIT);
  else start = 0;
  const rows = LIST.slice(start, start + LIMIT);
  const end = start + rows.length;
  const previous: PageKey | null = start > 0 ? { before: rows[0]! } : null;
  return { rows, start, total: LIST.length, next: end < LIST.length ? rows.at(-1)! : null, previous };
}

/** What the page does: the shown page and the row number its caption gives. */
function view(p: ListPosition) {
  const at = currentPage(p);
  const page = serve(at.key);
  const previous = p.pages.length === 1 ? page.previous : null;
  const from = firstRow(at, page.rows.length, page.total, p.pages.length === 1 && !page.previous);
  return { ...page, previous, from };
}

const click = {
  first: (p: ListPosition) => toFirst(p),
  last: (p: ListPosition) => toLast(p),
  next: (p: ListPosition) => {
    const v = view(p);
    return toNext(p, v.next!, v.from, v.rows.length);
  },
  previous: (p: ListPosition) => {
    const v = view(p);
    return toPrevious(p, v.previous, v.from);
  },
};

describe('patient list position', () => {
  it('numbers every page by its true place, forwards, from the end, backwards and forwards again', () => {
    const path: Array<keyof typeof click> = [
      'next',
      'next',
      'previous',
      'last',
      'previous',
      'previous',
      'next',
      'previous',
      'previous',
      'previous',
      'next',
      'first',
      'next',
      'last',
    ];
    let p = FIRST_PAGE;
    expect(view(p).from).toBe(1);
    for (const step of path) {
      const before = view(p);
      p = click[step](p);
      const v = view(p);
      // The caption's first row is the true place of the first patient shown.
      expect({ step, from: v.from }).toEqual({ step, from: v.start + 1 });
      if (step === 'previous' && before.start >= LIMIT) {
        // A whole page back: exactly the 50 patients before the page left.
        expect(v.rows).toEqual(LIST.slice(before.start - LIMIT, before.start));
      }
    }
  });

  it('goes back from the last page to the first, where a short remainder becomes the first page', () => {
    let p = toLast(FIRST_PAGE);
    expect(view(p).rows).toEqual(LIST.slice(-LIMIT));
    expect(view(p).from).toBe(LIST.length - LIMIT + 1);
    const seen: number[] = [];
    while (view(p).previous) {
      p = click.previous(p);
      seen.push(view(p).from);
    }
    // 233 − 50 = 183 before the last page: three pages back (133, 83, 33), then the first page.
    expect(seen).toEqual([134, 84, 34, 1]);
    expect(view(p).rows).toEqual(LIST.slice(0, LIMIT));
    // Previous is then nothing to do; Next continues with the page after the first.
    expect(click.previous(p)).toBe(p);
    expect(view(click.next(p)).from).toBe(LIMIT + 1);
  });

  it('Previous goes back through the pages passed through, as they were, before asking the server', () => {
    let p = click.next(click.next(FIRST_PAGE));
    expect(p.pages).toHaveLength(3);
    p = click.previous(p);
    expect(p.pages).toHaveLength(2);
    expect(currentPage(p).key).toEqual({ after: LIST[LIMIT - 1] });
    expect(click.previous(p)).toEqual(FIRST_PAGE);
  });

  it('a new way through starts at First or Last, keeping the search and filters', () => {
    const searching: ListPosition = { ...click.next(FIRST_PAGE), q: 'ada', side: 'left' };
    expect(toFirst(searching)).toEqual({ ...FIRST_PAGE, q: 'ada', side: 'left' });
    expect(toLast(searching)).toMatchObject({ q: 'ada', side: 'left', pages: [{ key: { last: true } }] });
  });
});
