import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { FkCaseListRequest } from '../../../contracts/fk';
import { formatIdentityNumber } from '../../../contracts/identity-number';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { useFkCases } from '../api/fk-cases';
import { countText, formatNumber } from '../../../language/swedish';

const PAGE_SIZE = 25;

type Order = NonNullable<FkCaseListRequest['order']>;

const orderLabels: Record<Order, string> = {
  desc: 'Senast mottagna först',
  asc: 'Först mottagna först',
};

/** The certificates FK has received, newest first or oldest first, with revocations and open questions. */
export function FkCaseList() {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [typed, setTyped] = useState('');
  const [patient, setPatient] = useState('');
  const [page, setPage] = useState(1);
  const [order, setOrder] = useState<Order>('desc');
  const cases = useFkCases({
    page,
    pageSize: PAGE_SIZE,
    order,
    ...(patient === '' ? {} : { patient }),
  });
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const total = cases.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <div className="fk-cases">
      <h1 ref={headingRef} tabIndex={-1}>
        Mottagna intyg
      </h1>
      <form
        className="fk-cases__filter"
        role="search"
        aria-label="Sök bland mottagna intyg"
        onSubmit={(event) => {
          event.preventDefault();
          setPage(1);
          setPatient(typed.trim());
        }}
      >
        <label className="label" htmlFor={`${id}-patient`}>
          Patientens namn eller personnummer
        </label>
        <div className="button-group">
          <input
            id={`${id}-patient`}
            className="text-field__input"
            type="search"
            autoComplete="off"
            maxLength={40}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          <button type="submit" className="button button--secondary">
            Sök
          </button>
        </div>
      </form>
      <div className="fk-cases__order">
        <label className="dropdown__label" htmlFor={`${id}-order`}>
          Sortering
        </label>
        <select
          id={`${id}-order`}
          className="dropdown__select"
          value={order}
          onChange={(event) => {
            const next = event.target.value;
            if (next === 'asc' || next === 'desc') {
              setOrder(next);
              setPage(1);
            }
          }}
        >
          {(['desc', 'asc'] as const).map((option) => (
            <option key={option} value={option}>
              {orderLabels[option]}
            </option>
          ))}
        </select>
      </div>
      {cases.isPending && <Loading label="Hämtar mottagna intyg…" />}
      {cases.isError && (
        <MessageBox variant="error" heading="Intygen kunde inte hämtas" live="alert">
          <p>{cases.error.message}</p>
        </MessageBox>
      )}
      {cases.data !== undefined && (
        <>
          <p role="status">
            {total === 0
              ? 'Försäkringskassan har inte tagit emot några intyg som matchar.'
              : `${countText(total, 'mottaget intyg', 'mottagna intyg')}.`}
          </p>
          {total > 0 && (
            <div className="table-scroll">
              <table className="table">
                <caption className="sr-only">
                  Mottagna intyg, {orderLabels[order].toLowerCase()}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Intyg</th>
                    <th scope="col">Patient</th>
                    <th scope="col">Vårdenhet</th>
                    <th scope="col">Mottaget</th>
                    <th scope="col">Status</th>
                    <th scope="col">Öppna frågor</th>
                  </tr>
                </thead>
                <tbody>
                  {cases.data.items.map((row) => (
                    <tr key={row.certificateId}>
                      <td>
                        <Link to={paths.fkCase(row.certificateId)}>
                          {row.formNumber} {row.name}
                        </Link>
                      </td>
                      <td>
                        {row.patient.name}
                        <br />
                        {formatIdentityNumber(row.patient.identityNumber)}
                      </td>
                      <td>{row.unitName}</td>
                      <td>
                        {formatDateTime(row.receivedAt)}
                        {row.sentBy === 'patient' ? ' (skickat av patienten)' : ''}
                      </td>
                      <td>{row.revoked ? 'Makulerat' : 'Gällande'}</td>
                      <td>{row.openThreads}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 && (
            <nav className="button-group" aria-label="Sidor">
              <button
                type="button"
                className="button button--secondary"
                disabled={page <= 1}
                onClick={() => setPage(page - 1)}
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
                onClick={() => setPage(page + 1)}
              >
                Nästa sida
              </button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
