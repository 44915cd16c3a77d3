import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import { countText, formatNumber } from '../../../language/swedish';
import { OpenCell, Pagination, SortHeader } from './list-controls';
import type { PageSize } from './use-list-query';

/** The count line: "Visar 1–25 av 1 234 ärenden", "Visar 26 av 26 ärenden", "Visar 1 ärende". */
function shownText(
  first: number,
  last: number,
  total: number,
  [singular, plural]: readonly [string, string],
): string {
  const counted = countText(total, singular, plural);
  if (total === 1) return `Visar ${counted}`;
  const shown =
    first === last ? formatNumber(first) : `${formatNumber(first)}–${formatNumber(last)}`;
  return `Visar ${shown} av ${counted}`;
}

/** The parts of a list's query state (`useListQuery`) the frame draws. */
type ListView<S extends string> = {
  sort: S;
  /** How many filters are chosen, said on the folded filters' button. */
  activeFilters: number;
  order: 'asc' | 'desc';
  sortBy: (column: S) => void;
  paging: (total: number) => {
    first: number;
    last: number;
    pagination: {
      page: number;
      pages: number;
      pageSize: PageSize;
      onPage: (page: number) => void;
      onPageSize: (size: PageSize) => void;
    };
  };
};

type Props<S extends string, Item> = {
  className: string;
  heading: string;
  intro: string;
  /** The filter form's name, e.g. "Filtrera utkasten". */
  filtersLabel: string;
  filters: ReactNode;
  query: UseQueryResult<{ items: Item[]; total: number }>;
  loadingLabel: string;
  errorHeading: string;
  /** What the count line counts, in the singular and the plural: ["ärende", "ärenden"]. */
  noun: readonly [singular: string, plural: string];
  emptyText: string;
  columns: readonly { sort: S; label: string }[];
  list: ListView<S>;
  rowKey: (item: Item) => string;
  /** A row's cells, but its last one. */
  row: (item: Item) => ReactNode;
  /** Where a row's last cell, "Öppna", leads, and what it names for screen readers. */
  open: (item: Item) => { href: string; name: string };
  rowClassName?: (item: Item) => string | undefined;
};

/**
 * A work list's page: its heading (focused on arrival), filters, the count line (a status, so
 * a screen reader hears what a filter did), the sortable table and the pages. The backend
 * filters, sorts and pages; the previous page stays while the next loads (`aria-busy`).
 */
export function WorkList<S extends string, Item>({
  className,
  heading,
  intro,
  filtersLabel,
  filters,
  query,
  loadingLabel,
  errorHeading,
  noun,
  emptyText,
  columns,
  list,
  rowKey,
  row,
  open,
  rowClassName,
}: Props<S, Item>) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  // On a narrow screen the filters fold away behind "Filtrera" (CSS shows them on wider ones).
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();
  const data = query.data;
  const total = data?.total ?? 0;
  const { first, last, pagination } = list.paging(total);
  return (
    <div className={`work-list ${className}`}>
      <h1 ref={headingRef} tabIndex={-1}>
        {heading}
      </h1>
      <p>{intro}</p>
      <button
        type="button"
        className="button button--secondary button--small list-filters__toggle"
        aria-expanded={filtersOpen}
        aria-controls={filtersId}
        onClick={() => setFiltersOpen(!filtersOpen)}
      >
        Filtrera
        {list.activeFilters > 0 &&
          ` (${String(list.activeFilters)} ${list.activeFilters === 1 ? 'filter valt' : 'filter valda'})`}
      </button>
      <form
        id={filtersId}
        className="list-filters"
        data-open={filtersOpen}
        aria-label={filtersLabel}
        onSubmit={(event) => event.preventDefault()}
      >
        {filters}
      </form>
      {query.isPending && <Loading label={loadingLabel} />}
      {query.isError && (
        <MessageBox variant="error" heading={errorHeading} live="alert">
          <p>{query.error.message}</p>
        </MessageBox>
      )}
      {data !== undefined && (
        <>
          <p role="status" className="list-summary">
            {total === 0 ? emptyText : shownText(first, last, total, noun)}
          </p>
          {total > 0 && (
            <div className="table-scroll">
              <table className="table list-table" aria-busy={query.isFetching}>
                <caption className="sr-only">{heading}</caption>
                <SortHeader
                  columns={columns}
                  sort={list.sort}
                  order={list.order}
                  onSort={list.sortBy}
                />
                <tbody>
                  {data.items.map((item) => (
                    <tr key={rowKey(item)} className={rowClassName?.(item)}>
                      {row(item)}
                      <OpenCell {...open(item)} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination {...pagination} />
        </>
      )}
    </div>
  );
}
