import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { CertificateSummary } from '../../../contracts/certificates';
import { formatIdentityNumber } from '../../../contracts/identity-number';
import type { CertificateTypeCode } from '../../../definitions';
import { DateTextField, dateTextError } from '../../../form-renderer/date-text-field';
import { parentNote } from '../../../lib/certificate-labels';
import { formatNumber } from '../../../language/swedish';
import { pageSizes, type PageSize } from './use-list-query';

type SortHeaderProps<S extends string> = {
  columns: readonly { sort: S; label: string }[];
  sort: S;
  order: 'asc' | 'desc';
  onSort: (column: S) => void;
};

/**
 * A list's header row: every column sorts, and says how it is sorted. The last column holds
 * each row's "Öppna", named for screen readers only.
 */
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
        <th scope="col" className="list-table__open-header">
          <span className="sr-only">Öppna</span>
        </th>
      </tr>
    </thead>
  );
}

/** A row's last cell: "Öppna", read with what it opens ("Öppna: FK 7804, Karin Andersson"). */
export function OpenCell({ href, name }: { href: string; name: string }) {
  return (
    <td className="list-table__open">
      <Link
        to={href}
        className="button button--secondary button--small list-table__open-link"
        aria-label={`Öppna: ${name}`}
      >
        Öppna
      </Link>
    </td>
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
        Sida {formatNumber(page)} av {formatNumber(pages)}
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

/** A list row's first two cells: the patient and the type. */
export function PatientAndTypeCells({ item }: { item: CertificateSummary }) {
  return (
    <>
      <td data-label="Patient">
        {item.patient.name}
        <span className="list-table__sub">{formatIdentityNumber(item.patient.identityNumber)}</span>
      </td>
      <td data-label="Intyg">
        {item.formNumber}
        <span className="list-table__sub">{item.typeName}</span>
      </td>
    </>
  );
}

/** What a certificate row's "Öppna" names: the form and the patient. */
export const certificateRowName = (item: CertificateSummary) =>
  `${item.formNumber}, ${item.patient.name}`;

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

const rangeMessage = 'Från-datumet får inte vara senare än till-datumet.';

type DayRange = { from: string | undefined; to: string | undefined };

const isDayOrEmpty = (text: string) => dateTextError(text) === undefined;
const isInverted = (from: string, to: string) =>
  from !== '' && to !== '' && isDayOrEmpty(from) && isDayOrEmpty(to) && from > to;

/**
 * A list's day range (from and to, both included), in the product's date field. What is
 * passed on is a range of real days that does not end before it starts; anything else stays
 * in the fields as typed and is said there once the field is left.
 */
export function DayRangeFilter({
  fromLabel,
  toLabel,
  value,
  today,
  onChange,
}: {
  fromLabel: string;
  toLabel: string;
  /** The range the list shows now (from the URL). */
  value: DayRange;
  today: string;
  onChange: (range: DayRange) => void;
}) {
  const [texts, setTexts] = useState({ from: value.from ?? '', to: value.to ?? '' });
  // The range changed elsewhere (a link to the plain list, the back button): show it.
  const [shown, setShown] = useState(value);
  if (shown.from !== value.from || shown.to !== value.to) {
    setShown(value);
    if ((texts.from || undefined) !== value.from || (texts.to || undefined) !== value.to) {
      setTexts({ from: value.from ?? '', to: value.to ?? '' });
    }
  }
  const change = (next: { from: string; to: string }) => {
    setTexts(next);
    if (!isDayOrEmpty(next.from) || !isDayOrEmpty(next.to) || isInverted(next.from, next.to)) {
      return;
    }
    onChange({ from: next.from || undefined, to: next.to || undefined });
  };
  return (
    <>
      <DateTextField
        className="list-filters__field"
        label={fromLabel}
        value={texts.from}
        today={today}
        hintHidden
        onChange={(from) => change({ ...texts, from })}
      />
      <DateTextField
        className="list-filters__field"
        label={toLabel}
        value={texts.to}
        today={today}
        hintHidden
        error={isInverted(texts.from, texts.to) ? rangeMessage : undefined}
        onChange={(to) => change({ ...texts, to })}
      />
    </>
  );
}
