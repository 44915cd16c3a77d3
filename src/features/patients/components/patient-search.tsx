import { useEffect, useId } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { parseIdentityNumber } from '../../../contracts/identity-number';
import { TextField } from '../../../components/ui/text-field';
import { MessageBox } from '../../../components/ui/message-box';
import { HttpError } from '../../../lib/api-client';
import { useLookupPatient } from '../api/lookup-patient';
import { PatientSummary } from './patient-summary';

type Props = { patientPath: (patientId: string) => string };
type Values = { identityNumber: string };

/**
 * Look a patient up by personnummer or samordningsnummer, in any common format. What is
 * wrong with a number is said precisely, before anything is sent.
 */
export function PatientSearch({ patientPath }: Props) {
  const lookup = useLookupPatient();
  const resultHeadingId = useId();
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors },
  } = useForm<Values>({ defaultValues: { identityNumber: '' } });

  const found = lookup.data?.patient;
  useEffect(() => {
    if (found) document.getElementById(resultHeadingId)?.focus();
  }, [found, resultHeadingId]);

  const onSubmit = handleSubmit(
    ({ identityNumber }) => {
      const parsed = parseIdentityNumber(identityNumber);
      if (!parsed.ok) return;
      lookup.mutate({ identityNumber: parsed.value });
    },
    () => setFocus('identityNumber'),
  );

  const notFound = lookup.error instanceof HttpError && lookup.error.status === 404;
  const forbidden = lookup.error instanceof HttpError && lookup.error.status === 403;

  return (
    <div className="patient-search">
      <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Sök patient">
        <div className="patient-search__row">
          <TextField
            label="Personnummer eller samordningsnummer"
            description="Till exempel 19121212-1212 eller 121212-1212."
            autoComplete="off"
            inputMode="text"
            spellCheck={false}
            error={errors.identityNumber?.message}
            {...register('identityNumber', {
              validate: (value) => {
                const parsed = parseIdentityNumber(value);
                return parsed.ok || parsed.message;
              },
              onChange: () => lookup.reset(),
            })}
          />
          <button
            type="submit"
            className="button button--primary patient-search__submit"
            disabled={lookup.isPending}
          >
            Sök
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {lookup.isPending && <p role="status">Söker patient…</p>}
        {lookup.isError && (
          <MessageBox
            variant={notFound ? 'warning' : 'error'}
            heading={
              notFound
                ? 'Patienten hittades inte'
                : forbidden
                  ? 'Behörighet saknas'
                  : 'Sökningen misslyckades'
            }
            live="alert"
          >
            <p>{lookup.error.message}</p>
          </MessageBox>
        )}
      </div>
      {found && (
        <div className="card patient-search__result">
          <PatientSummary patient={found} headingId={resultHeadingId} />
          <p>
            <Link className="button button--primary" to={patientPath(found.id)}>
              Välj intygstyp
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
