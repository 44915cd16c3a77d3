import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { z } from 'zod';

/** The page sizes every list offers. */
export const pageSizes = [10, 25, 50, 100] as const;
export type PageSize = (typeof pageSizes)[number];

/** A list filter's fields: codes, opaque ids, days and yes/no; the patient text apart. */
type ListFilter = { patient?: string | undefined } & Record<string, string | boolean | undefined>;

/** Text typed into a list's patient filter, passed on once typing pauses. */
export function useSettledText(text: string, onSettled: (text: string) => void): void {
  // Only a change of the text restarts the pause; the callback is the latest render's.
  const latest = useRef(onSettled);
  useEffect(() => {
    latest.current = onSettled;
  });
  useEffect(() => {
    const timer = window.setTimeout(() => latest.current(text.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [text]);
}

const orderSchema = z.enum(['asc', 'desc']);
const pageSchema = z.coerce.number().int().min(1).max(100_000);
const pageSizeSchema = z.coerce
  .number()
  .refine((size): size is PageSize => pageSizes.some((candidate) => candidate === size));

/** A URL's day range that ends before it starts keeps only its start (the backend refuses it). */
export function withoutInvertedRange<F extends Record<string, unknown>>(
  filter: F,
  from: keyof F,
  to: keyof F,
): F {
  const start = filter[from];
  const end = filter[to];
  if (typeof start !== 'string' || typeof end !== 'string' || start <= end) return filter;
  return { ...filter, [to]: undefined };
}

type Options<S extends string, F extends ListFilter> = {
  sorts: z.ZodType<S>;
  defaultSort: S;
  /** Columns that sort newest first when picked (dates); the others sort A–Ö. */
  newestFirst: readonly S[];
  defaultOrder?: 'asc' | 'desc';
  /**
   * The filter as the URL holds it, read from the URL's parameters: every field optional and
   * anything it cannot read dropped (a hand-edited or outdated link shows the list, not an
   * error). Never the patient text.
   */
  filterParams: z.ZodType<Omit<F, 'patient'>>;
};

/**
 * A list's query state: filter, sort, order, page and page size live in the URL (replacing
 * the current history entry), so the back button and a bookmark return to the same view. The
 * patient text is never put in a URL (it may be a name or an identity number): it stays in
 * the page, applied once typing pauses. Any change but the page's goes back to page 1.
 */
export function useListQuery<S extends string, F extends ListFilter>({
  sorts,
  defaultSort,
  newestFirst,
  defaultOrder = 'desc',
  filterParams,
}: Options<S, F>) {
  const [params, setParams] = useSearchParams();
  const [patientText, setPatientText] = useState('');
  const [patient, setPatient] = useState<string | undefined>(undefined);
  const view = useMemo(() => {
    const read = <T>(schema: z.ZodType<T>, key: string, fallback: T): T => {
      const parsed = schema.safeParse(params.get(key) ?? undefined);
      return parsed.success ? parsed.data : fallback;
    };
    const filter = filterParams.safeParse(Object.fromEntries(params));
    return {
      sort: read(sorts, 'sort', defaultSort),
      order: read(orderSchema, 'order', defaultOrder),
      page: read(pageSchema, 'page', 1),
      pageSize: read(pageSizeSchema, 'pageSize', 25),
      filter: filter.success ? filter.data : undefined,
    };
  }, [params, sorts, defaultSort, defaultOrder, filterParams]);
  const urlFilter: Partial<Omit<F, 'patient'>> = view.filter ?? {};
  const filter: Partial<Omit<F, 'patient'>> & { patient?: string | undefined } = {
    ...urlFilter,
    patient,
  };

  const write = (next: {
    filter?: Partial<F>;
    sort?: S;
    order?: 'asc' | 'desc';
    page?: number;
    pageSize?: PageSize;
  }) => {
    const state = { ...view, filter: urlFilter, ...next };
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(state.filter)) {
      // The patient text never goes into a URL.
      if (key === 'patient' || value === undefined) continue;
      if (typeof value === 'string' || typeof value === 'boolean') search.set(key, String(value));
    }
    if (state.sort !== defaultSort) search.set('sort', state.sort);
    if (state.order !== defaultOrder) search.set('order', state.order);
    if (state.page !== 1) search.set('page', String(state.page));
    if (state.pageSize !== 25) search.set('pageSize', String(state.pageSize));
    setParams(search, { replace: true });
  };

  const changeFilter = (next: Partial<F>) => {
    if (next.patient !== patient) setPatient(next.patient);
    write({ filter: next, page: 1 });
  };
  useSettledText(patientText, (text) => {
    const next = text === '' ? undefined : text;
    if (next === patient) return;
    setPatient(next);
    if (view.page !== 1) write({ page: 1 });
  });
  const sortBy = (column: S) => {
    if (column === view.sort) write({ order: view.order === 'asc' ? 'desc' : 'asc', page: 1 });
    else write({ sort: column, order: newestFirst.includes(column) ? 'desc' : 'asc', page: 1 });
  };
  /** The count line's and the pagination's figures for a total. */
  const paging = (total: number) => ({
    first: total === 0 ? 0 : (view.page - 1) * view.pageSize + 1,
    last: Math.min(total, view.page * view.pageSize),
    pagination: {
      page: view.page,
      pages: Math.max(1, Math.ceil(total / view.pageSize)),
      pageSize: view.pageSize,
      onPage: (page: number) => write({ page }),
      onPageSize: (size: PageSize) => write({ pageSize: size, page: 1 }),
    },
  });
  return {
    request: {
      filter,
      sort: view.sort,
      order: view.order,
      page: view.page,
      pageSize: view.pageSize,
    },
    filter,
    /** How many filters are chosen (the patient text included), for the folded filters' button. */
    activeFilters: Object.values(filter).filter((value) => value !== undefined).length,
    changeFilter,
    patientText,
    setPatientText,
    sort: view.sort,
    order: view.order,
    sortBy,
    paging,
  };
}
