import { useEffect, useRef } from 'react';
import { HttpError } from '../../../lib/api-client';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import { useMyDetails, useUpdateMyDetails } from '../api/my-details';
import { PracticeForm } from './practice-form';
import { HospFacts } from './registration-facts';

/**
 * "Mina uppgifter": the registered private physician's practice, which they may change (not
 * their identity, licence or organisation number). The backend decides who has any.
 */
export function MyDetailsPage() {
  const details = useMyDetails();
  const update = useUpdateMyDetails();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        Mina uppgifter
      </h1>
      {details.isPending && <Loading label="Hämtar dina uppgifter…" />}
      {details.isError && (
        <MessageBox
          variant={
            details.error instanceof HttpError && details.error.status === 404 ? 'info' : 'error'
          }
          live="status"
        >
          <p>{details.error.message}</p>
        </MessageBox>
      )}
      {details.isSuccess && (
        <>
          <h2>Person och legitimation</h2>
          <p>Uppgifterna kommer från Socialstyrelsens register (HOSP) och kan inte ändras här.</p>
          <HospFacts person={details.data.person} />
          <dl className="registration-facts">
            <div>
              <dt>Organisationsnummer</dt>
              <dd>{details.data.organisationNumber}</dd>
            </div>
            <div>
              <dt>Vårdenhetens HSA-id</dt>
              <dd>{details.data.unitHsaId}</dd>
            </div>
          </dl>
          <h2>Verksamhetens uppgifter</h2>
          <PracticeForm
            initial={details.data.practice}
            askOrganisationNumber={false}
            submitLabel="Spara ändringar"
            busy={update.isPending}
            onSubmit={({ practice }) => update.mutate(practice)}
          />
          <div aria-live="polite">
            {update.isSuccess && (
              <MessageBox variant="success" live="status">
                <p>Dina uppgifter är sparade.</p>
              </MessageBox>
            )}
            {update.isError && (
              <MessageBox variant="error" heading="Uppgifterna kunde inte sparas" live="alert">
                <p>{update.error.message}</p>
              </MessageBox>
            )}
          </div>
        </>
      )}
    </>
  );
}
