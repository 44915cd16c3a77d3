import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { CertificateSummary } from '../../../contracts/certificates';
import { formatIdentityNumber } from '../../../contracts/identity-number';
import type { CertificateTypeCode } from '../../../definitions';
import { parentNote } from '../../../lib/certificate-labels';

/** The page sizes both certificate lists offer. */
export const pageSizes = [10, 25, 50, 100] as const;
export type PageSize = (typeof pageSizes)[number];

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

type SortHeaderProps<S extends string> = {
  columns: readonly { sort: S; label: string }[];
  sort: S;
  order: 'asc' | 'desc';
  onSort: (column: S) => void;
};

/** A list's header row: every column sorts, and says how it is sorted. */
export function SortHeader<S extends string>({ columns, sort, order, onSort }: SortHeaderProps<S>) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th
            key={column.sort}
            scope="col"
            aria-sort={
              sort === column.sort ? (order === 'asc' ? 'ascending' : 'descending') : undefined
            }
          >
            <button type="button" className="list-table__sort" onClick={() => onSort(column.sort)}>
              {column.label}
              <span aria-hidden="true">
                {sort === column.sort ? (order === 'asc' ? ' ▲' : ' ▼') : ''}
              </span>
            </button>
          </th>
        ))}
      </tr>
    </thead>
  );
}

type PaginationProps = {
  page: number;
  pages: number;
  pageSize: PageSize;
  onPage: (page: number) => void;
  onPageSize: (size: PageSize) => void;
};

export function Pagination({ page, pages, pageSize, onPage, onPageSize }: PaginationProps) {
  const sizeId = useId();
  return (
    <nav className="pagination" aria-label="Sidor">
      <button
        type="button"
        className="button button--secondary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        Föregående sida
      </button>
      <span>
        Sida {page} av {pages}
      </span>
      <button
        type="button"
        className="button button--secondary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        Nästa sida
      </button>
      <label htmlFor={sizeId} className="pagination__size">
        Antal per sida
      </label>
      <select
        id={sizeId}
        className="dropdown__select pagination__select"
        value={pageSize}
        onChange={(event) => {
          const size = pageSizes.find((candidate) => String(candidate) === event.target.value);
          if (size !== undefined) onPageSize(size);
        }}
      >
        {pageSizes.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </select>
    </nav>
  );
}

/**
 * A list's query state: filter (the patient text applied once typing pauses), sort, order
 * and page. Any change but the page's goes back to page 1.
 */
export function useListQuery<S extends string, F extends { patient?: string | undefined }>(
  defaultSort: S,
  /** Columns that sort newest first when picked (dates); the others sort A–Ö. */
  newestFirst: readonly S[],
  defaultOrder: 'asc' | 'desc' = 'desc',
) {
  const [filter, setFilter] = useState<Partial<F>>({});
  const [patientText, setPatientText] = useState('');
  const [sort, setSort] = useState<S>(defaultSort);
  const [order, setOrder] = useState<'asc' | 'desc'>(defaultOrder);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<PageSize>(25);

  const changeFilter = (next: Partial<F>) => {
    setFilter(next);
    setPage(1);
  };
  useSettledText(patientText, (text) => {
    if (text === (filter.patient ?? '')) return;
    changeFilter({ ...filter, patient: text === '' ? undefined : text });
  });
  const sortBy = (column: S) => {
    if (column === sort) setOrder(order === 'asc' ? 'desc' : 'asc');
    else {
      setSort(column);
      setOrder(newestFirst.includes(column) ? 'desc' : 'asc');
    }
    setPage(1);
  };
  /** The count line's and the pagination's figures for a total. */
  const paging = (total: number) => ({
    first: total === 0 ? 0 : (page - 1) * pageSize + 1,
    last: Math.min(total, page * pageSize),
    pagination: {
      page,
      pages: Math.max(1, Math.ceil(total / pageSize)),
      pageSize,
      onPage: setPage,
      onPageSize: (size: PageSize) => {
        setPageSize(size);
        setPage(1);
      },
    },
  });
  return {
    request: { filter, sort, order, page, pageSize },
    filter,
    changeFilter,
    patientText,
    setPatientText,
    sort,
    order,
    sortBy,
    paging,
  };
}

/** A list row's first two cells: the patient (a link to the certificate) and the type. */
export function PatientAndTypeCells({ item, href }: { item: CertificateSummary; href: string }) {
  return (
    <>
      <td data-label="Patient">
        <Link to={href}>{item.patient.name}</Link>
        <span className="list-table__sub">{formatIdentityNumber(item.patient.identityNumber)}</span>
      </td>
      <td data-label="Intyg">
        {item.formNumber}
        <span className="list-table__sub">{item.typeName}</span>
      </td>
    </>
  );
}

/** A list row's status cell, with what the certificate was made from. */
export function StatusCell({
  item,
  label,
  detail,
}: {
  item: CertificateSummary;
  label: string;
  /** More about the state, under it (e.g. who marked a draft ready for signing). */
  detail?: string | undefined;
}) {
  const note = parentNote(item);
  return (
    <td data-label="Status">
      {label}
      {detail !== undefined && <span className="list-table__sub">{detail}</span>}
      {note !== undefined && <span className="list-table__sub">{note}</span>}
    </td>
  );
}

type FilterSelectProps = {
  label: string;
  /** The option for no filter, e.g. "Alla typer". */
  allLabel: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
};

/** One of a list's filters: a labelled choice, empty for "all". */
export function FilterSelect({ label, allLabel, value, options, onChange }: FilterSelectProps) {
  const id = useId();
  return (
    <div className="list-filters__field">
      <label className="dropdown__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="dropdown__select"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      >
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The patient filter: part of a name or an identity number. */
export function PatientFilter({
  value,
  onChange,
}: {
  value: string;
  onChange: (text: string) => void;
}) {
  const id = useId();
  return (
    <div className="list-filters__field">
      <label className="text-field__label" htmlFor={id}>
        Patient (namn eller personnummer)
      </label>
      <input
        id={id}
        className="text-field__input"
        type="search"
        autoComplete="off"
        maxLength={40}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

type ListType = { type: CertificateTypeCode; formNumber: string; name: string };

/** The "Intygstyp" filter, with the types the list's answer names. */
export function TypeFilter({
  types,
  value,
  onChange,
}: {
  types: readonly ListType[] | undefined;
  value: CertificateTypeCode | undefined;
  onChange: (type: CertificateTypeCode | undefined) => void;
}) {
  return (
    <FilterSelect
      label="Intygstyp"
      allLabel="Alla typer"
      value={value}
      options={(types ?? []).map((option) => ({
        value: option.type,
        label: `${option.formNumber} ${option.name}`,
      }))}
      onChange={(picked) => onChange(types?.find((option) => option.type === picked)?.type)}
    />
  );
}

/** The "Status" filter over a list's states, in the app's words for them. */
export function StatusFilter<S extends string>({
  states,
  labels,
  value,
  onChange,
}: {
  states: readonly S[];
  labels: Record<S, string>;
  value: S | undefined;
  onChange: (state: S | undefined) => void;
}) {
  return (
    <FilterSelect
      label="Status"
      allLabel="Alla"
      value={value}
      options={states.map((state) => ({ value: state, label: labels[state] }))}
      onChange={(picked) => onChange(states.find((state) => state === picked))}
    />
  );
}

/** A day field of a list's filter (the browser's date field, YYYY-MM-DD). */
function DayFilter({
  label,
  value,
  invalid,
  errorId,
  onChange,
}: {
  label: string;
  value: string;
  invalid: boolean;
  errorId: string;
  onChange: (day: string) => void;
}) {
  const id = useId();
  return (
    <div className="list-filters__field">
      <label className="text-field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="text-field__input"
        type="date"
        value={value}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

const rangeMessage = 'Från-datumet får inte vara senare än till-datumet.';

/**
 * A list's day range (from and to, both included). A range that ends before it starts is not
 * passed on: the fields say why, and keep what was typed.
 */
export function DayRangeFilter({
  fromLabel,
  toLabel,
  onChange,
}: {
  fromLabel: string;
  toLabel: string;
  onChange: (range: { from: string | undefined; to: string | undefined }) => void;
}) {
  const [days, setDays] = useState({ from: '', to: '' });
  const errorId = useId();
  const invalid = days.from !== '' && days.to !== '' && days.from > days.to;
  const change = (next: { from: string; to: string }) => {
    setDays(next);
    if (next.from !== '' && next.to !== '' && next.from > next.to) return;
    onChange({
      from: next.from === '' ? undefined : next.from,
      to: next.to === '' ? undefined : next.to,
    });
  };
  return (
    <>
      <DayFilter
        label={fromLabel}
        value={days.from}
        invalid={invalid}
        errorId={errorId}
        onChange={(from) => change({ ...days, from })}
      />
      <DayFilter
        label={toLabel}
        value={days.to}
        invalid={invalid}
        errorId={errorId}
        onChange={(to) => change({ ...days, to })}
      />
      <p id={errorId} className="list-filters__error" role="alert">
        {invalid ? rangeMessage : ''}
      </p>
    </>
  );
}
