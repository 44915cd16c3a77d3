import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { formatIdentityNumber, parseIdentityNumber } from '../../../contracts/identity-number';
import type { HospPerson, PracticeDetails } from '../../../contracts/registration';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import { RadioGroup } from '../../../components/ui/radio-group';
import { TextField } from '../../../components/ui/text-field';
import { useEidPersons } from '../api/get-eid-persons';
import { useLookUpHosp } from '../api/look-up-hosp';
import { useRegisterPractitioner } from '../api/register-practitioner';
import { PracticeForm } from './practice-form';
import { HospFacts, PracticeFacts } from './registration-facts';

type Identified = { identityNumber: string; person: HospPerson };
type Practice = { practice: PracticeDetails; organisationNumber: string };
type Step = 'identify' | 'practice' | 'confirm' | 'done';

const stepNumbers: Record<Exclude<Step, 'done'>, number> = { identify: 1, practice: 2, confirm: 3 };

/** Moves focus to a step's heading when the step is shown. */
function useStepHeading(step: Step) {
  const ref = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // The page's own heading has focus when the page opens.
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [step]);
  return ref;
}

const otherNumber = 'annat';

/** Step 1: simulated e-identification, then what HOSP says. */
function IdentifyStep({ onIdentified }: { onIdentified: (identified: Identified) => void }) {
  const persons = useEidPersons();
  const lookup = useLookUpHosp();
  const [choice, setChoice] = useState('');
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();
  const chosen = choice === otherNumber ? parseIdentityNumber(typed) : parseIdentityNumber(choice);

  const identify = () => {
    if (choice === '') {
      setError('Välj vem du identifierar dig som.');
      return;
    }
    if (!chosen.ok) {
      setError(chosen.message);
      return;
    }
    setError(undefined);
    lookup.mutate({ identityNumber: chosen.value });
  };

  if (persons.isPending) return <Loading label="Hämtar testpersoner…" />;
  if (persons.isError) {
    return (
      <MessageBox variant="error" heading="Testpersonerna kunde inte visas" live="alert">
        <p>{persons.error.message}</p>
      </MessageBox>
    );
  }

  const found = lookup.data?.person;
  return (
    <>
      <p>
        Identifiera dig med e-legitimation. Det här är en simulerad e-legitimation: välj en
        testperson eller skriv ett personnummer. Dina uppgifter om legitimation hämtas sedan från
        Socialstyrelsens register över legitimerad hälso- och sjukvårdspersonal (HOSP).
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          identify();
        }}
      >
        <RadioGroup
          legend="Testperson"
          options={[
            ...persons.data.persons.map(
              ({ identityNumber, name }) =>
                [identityNumber, `${name}, ${formatIdentityNumber(identityNumber)}`] as const,
            ),
            [otherNumber, 'Annat personnummer'] as const,
          ]}
          value={choice}
          onChange={(value) => {
            setChoice(value);
            setError(undefined);
            lookup.reset();
          }}
          error={choice === otherNumber ? undefined : error}
        />
        {choice === otherNumber && (
          <TextField
            label="Personnummer"
            description="Tolv siffror, till exempel 19121212-1212."
            autoComplete="off"
            value={typed}
            error={error}
            onChange={(event) => {
              setTyped(event.target.value);
              setError(undefined);
              lookup.reset();
            }}
          />
        )}
        <button type="submit" className="button button--primary" disabled={lookup.isPending}>
          Identifiera mig
        </button>
      </form>
      <div aria-live="polite">
        {lookup.isPending && <p role="status">Hämtar dina uppgifter från HOSP…</p>}
        {lookup.isError && (
          <MessageBox variant="error" heading="Du kan inte registrera dig" live="alert">
            <p>{lookup.error.message}</p>
          </MessageBox>
        )}
        {found !== undefined && chosen.ok && (
          <div className="card">
            <h3>Uppgifter från HOSP</h3>
            <HospFacts person={found} />
            <button
              type="button"
              className="button button--primary"
              onClick={() => onIdentified({ identityNumber: chosen.value, person: found })}
            >
              Fortsätt
            </button>
          </div>
        )}
      </div>
    </>
  );
}

/**
 * A physician without an account registers as a private practitioner in three steps:
 * identification and licence (HOSP), the practice, then a summary to confirm. The backend
 * decides each step; the identity number never leaves this page except in POST bodies.
 */
export function RegistrationWizard() {
  const [step, setStep] = useState<Step>('identify');
  const [identified, setIdentified] = useState<Identified>();
  const [practice, setPractice] = useState<Practice>();
  const registration = useRegisterPractitioner();
  const headingRef = useStepHeading(step);

  const heading =
    step === 'identify'
      ? 'Identifiering och legitimation'
      : step === 'practice'
        ? 'Verksamhetens uppgifter'
        : step === 'confirm'
          ? 'Granska och skapa konto'
          : 'Ditt konto är skapat';

  return (
    <section className="registration" aria-labelledby="registration-step-heading">
      {step !== 'done' && <p className="registration__progress">Steg {stepNumbers[step]} av 3</p>}
      <h2 id="registration-step-heading" ref={headingRef} tabIndex={-1}>
        {heading}
      </h2>
      {step === 'identify' && (
        <IdentifyStep
          onIdentified={(next) => {
            setIdentified(next);
            setStep('practice');
          }}
        />
      )}
      {step === 'practice' && (
        <PracticeForm
          initial={practice?.practice}
          initialOrganisationNumber={practice?.organisationNumber}
          askOrganisationNumber
          submitLabel="Fortsätt"
          busy={false}
          onSubmit={(next) => {
            setPractice(next);
            setStep('confirm');
          }}
          actions={
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setStep('identify')}
            >
              Tillbaka
            </button>
          }
        />
      )}
      {step === 'confirm' && identified !== undefined && practice !== undefined && (
        <>
          <h3>Person och legitimation</h3>
          <HospFacts person={identified.person} />
          <h3>Verksamhet</h3>
          <PracticeFacts {...practice} />
          {registration.isError && (
            <MessageBox variant="error" heading="Kontot kunde inte skapas" live="alert">
              <p>{registration.error.message}</p>
            </MessageBox>
          )}
          <div className="registration-form__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                registration.reset();
                setStep('practice');
              }}
            >
              Tillbaka
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={registration.isPending}
              onClick={() =>
                registration.mutate(
                  { identityNumber: identified.identityNumber, ...practice },
                  { onSuccess: () => setStep('done') },
                )
              }
            >
              Skapa konto
            </button>
          </div>
        </>
      )}
      {step === 'done' && registration.data !== undefined && (
        <>
          <MessageBox variant="success" live="status">
            <p>
              {registration.data.name} är registrerad som privatläkare på{' '}
              {registration.data.unitName}. Du kan logga in direkt.
            </p>
          </MessageBox>
          <p>
            <Link className="button button--primary" to={paths.login}>
              Logga in
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
