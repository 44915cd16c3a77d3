import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { DraftListRequest, DraftListSort } from '../../../contracts/certificates';
import { formatIdentityNumber } from '../../../contracts/identity-number';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import {
  draftListStatus,
  draftStatusLabels,
  draftListStatuses,
} from '../../../lib/certificate-labels';
import { formatDateTime } from '../../../lib/format';
import { useDrafts } from '../api/query-drafts';

type Props = { certificatePath: (certificateId: string) => string };

type Filter = NonNullable<DraftListRequest['filter']>;
const pageSizes = [10, 25, 50, 100] as const;
type PageSize = (typeof pageSizes)[number];

const columns: { sort: DraftListSort; label: string }[] = [
  { sort: 'patient', label: 'Patient' },
  { sort: 'type', label: 'Intyg' },
  { sort: 'status', label: 'Status' },
  { sort: 'savedBy', label: 'Sparat av' },
  { sort: 'savedAt', label: 'Senast sparat' },
];

/** "Ej signerade utkast": the unit's drafts, filtered, sorted and paged by the backend. */
export function DraftsList({ certificatePath }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [filter, setFilter] = useState<Filter>({});
  const [patientText, setPatientText] = useState('');
  const [sort, setSort] = useState<DraftListSort>('savedAt');
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<PageSize>(25);
  const ids = { type: useId(), status: useId(), savedBy: useId(), patient: useId(), size: useId() };
  useEffect(() => headingRef.current?.focus(), []);

  // The patient text filters once typing pauses.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const text = patientText.trim();
      setFilter((current) => {
        const { patient: _previous, ...rest } = current;
        return text === '' ? rest : { ...rest, patient: text };
      });
      setPage(1);
    }, 250);
    return () => window.clearTimeout(timer);
  }, [patientText]);

  const drafts = useDrafts({ filter, sort, order, page, pageSize });

  const changeFilter = (next: Filter) => {
    setFilter(next);
    setPage(1);
  };
  const sortBy = (column: DraftListSort) => {
    if (column === sort) setOrder(order === 'asc' ? 'desc' : 'asc');
    else {
      setSort(column);
      setOrder(column === 'savedAt' ? 'desc' : 'asc');
    }
    setPage(1);
  };

  const data = drafts.data;
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);

  return (
    <div className="work-list drafts-list">
      <h1 ref={headingRef} tabIndex={-1}>
        Ej signerade utkast
      </h1>
      <p>Utkast på din vårdenhet som ännu inte är signerade.</p>
      <form
        className="list-filters"
        aria-label="Filtrera utkasten"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="list-filters__field">
          <label className="text-field__label" htmlFor={ids.patient}>
            Patient (namn eller personnummer)
          </label>
          <input
            id={ids.patient}
            className="text-field__input"
            type="search"
            autoComplete="off"
            maxLength={40}
            value={patientText}
            onChange={(event) => setPatientText(event.target.value)}
          />
        </div>
        <div className="list-filters__field">
          <label className="dropdown__label" htmlFor={ids.type}>
            Intygstyp
          </label>
          <select
            id={ids.type}
            className="dropdown__select"
            value={filter.type ?? ''}
            onChange={(event) => {
              const type = data?.types.find((option) => option.type === event.target.value)?.type;
              const { type: _previous, ...rest } = filter;
              changeFilter(type === undefined ? rest : { ...rest, type });
            }}
          >
            <option value="">Alla typer</option>
            {data?.types.map((option) => (
              <option key={option.type} value={option.type}>
                {option.formNumber} {option.name}
              </option>
            ))}
          </select>
        </div>
        <div className="list-filters__field">
          <label className="dropdown__label" htmlFor={ids.status}>
            Status
          </label>
          <select
            id={ids.status}
            className="dropdown__select"
            value={filter.status ?? ''}
            onChange={(event) => {
              const status = draftListStatuses.find(
                (candidate) => candidate === event.target.value,
              );
              const { status: _previous, ...rest } = filter;
              changeFilter(status === undefined ? rest : { ...rest, status });
            }}
          >
            <option value="">Alla</option>
            {draftListStatuses.map((value) => (
              <option key={value} value={value}>
                {draftStatusLabels[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="list-filters__field">
          <label className="dropdown__label" htmlFor={ids.savedBy}>
            Sparat av
          </label>
          <select
            id={ids.savedBy}
            className="dropdown__select"
            value={filter.savedBy ?? ''}
            onChange={(event) => {
              const { savedBy: _previous, ...rest } = filter;
              changeFilter(
                event.target.value === '' ? rest : { ...rest, savedBy: event.target.value },
              );
            }}
          >
            <option value="">Alla</option>
            {data?.savers.map((saver) => (
              <option key={saver.id} value={saver.id}>
                {saver.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      {drafts.isPending && <Loading label="Hämtar utkast…" />}
      {drafts.isError && (
        <MessageBox variant="error" heading="Utkasten kunde inte hämtas" live="alert">
          <p>{drafts.error.message}</p>
        </MessageBox>
      )}
      {data !== undefined && (
        <>
          <p role="status" className="list-summary">
            {total === 0
              ? 'Det finns inga ej signerade utkast som matchar.'
              : `Visar ${first}–${last} av ${total.toLocaleString('sv-SE')} utkast`}
          </p>
          {total > 0 && (
            <div className="table-scroll">
              <table className="table list-table" aria-busy={drafts.isFetching}>
                <caption className="sr-only">Ej signerade utkast</caption>
                <thead>
                  <tr>
                    {columns.map((column) => (
                      <th
                        key={column.sort}
                        scope="col"
                        aria-sort={
                          sort === column.sort
                            ? order === 'asc'
                              ? 'ascending'
                              : 'descending'
                            : undefined
                        }
                      >
                        <button
                          type="button"
                          className="list-table__sort"
                          onClick={() => sortBy(column.sort)}
                        >
                          {column.label}
                          <span aria-hidden="true">
                            {sort === column.sort ? (order === 'asc' ? ' ▲' : ' ▼') : ''}
                          </span>
                        </button>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((item) => (
                    <tr key={item.id}>
                      <td data-label="Patient">
                        <Link to={certificatePath(item.id)}>{item.patient.name}</Link>
                        <span className="list-table__sub">
                          {formatIdentityNumber(item.patient.identityNumber)}
                        </span>
                      </td>
                      <td data-label="Intyg">
                        {item.formNumber}
                        <span className="list-table__sub">{item.typeName}</span>
                      </td>
                      <td data-label="Status">{draftStatusLabels[draftListStatus(item)]}</td>
                      <td data-label="Sparat av">{item.savedBy}</td>
                      <td data-label="Senast sparat">{formatDateTime(item.savedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav className="pagination" aria-label="Sidor">
            <button
              type="button"
              className="button button--secondary"
              disabled={page <= 1}
              onClick={() => setPage(page - 1)}
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
              onClick={() => setPage(page + 1)}
            >
              Nästa sida
            </button>
            <label htmlFor={ids.size} className="pagination__size">
              Antal per sida
            </label>
            <select
              id={ids.size}
              className="dropdown__select pagination__select"
              value={pageSize}
              onChange={(event) => {
                const size = pageSizes.find(
                  (candidate) => String(candidate) === event.target.value,
                );
                if (size !== undefined) {
                  setPageSize(size);
                  setPage(1);
                }
              }}
            >
              {pageSizes.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </nav>
        </>
      )}
    </div>
  );
}
