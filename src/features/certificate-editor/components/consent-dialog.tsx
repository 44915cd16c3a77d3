import { useId, useRef, useState } from 'react';
import {
  consentInputSchema,
  type Consent,
  type ConsentInput,
} from '../../../contracts/certificates';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { MessageBox } from '../../../components/ui/message-box';
import { RadioGroup } from '../../../components/ui/radio-group';
import { DateTextField, dateTextError } from '../../../form-renderer/date-text-field';

type Props = {
  open: boolean;
  today: string;
  existing: Consent | undefined;
  /** Resolves when the backend has recorded it; rejects with a Swedish message. */
  onRecord: (consent: ConsentInput) => Promise<void>;
  onClose: () => void;
  /** What the consent is for: sending the certificate, or a complement FK asked for. */
  purpose?: 'send' | 'complement';
};

const purposeTexts = {
  send: {
    title: 'Patientens samtycke',
    intro:
      'Intyget får skickas elektroniskt till Försäkringskassan bara om patienten, eller patientens företrädare, vill det och har samtyckt till det. Registrera här vem som har samtyckt, hur och när.',
    confirm: 'Registrera samtycket',
  },
  complement: {
    title: 'Patientens samtycke till komplettering',
    intro:
      'Försäkringskassan har begärt en komplettering. Den får skickas bara om patienten, eller patientens företrädare, har samtyckt till att intyget kompletteras. Registrera vem som har samtyckt, hur och när. Sedan öppnas ett utkast som kompletterar intyget.',
    confirm: 'Registrera samtycket och komplettera',
  },
} as const;

/** The consent's date is today or earlier. */
const consentDateMessages = { dateTooLate: 'Datumet för samtycket kan inte ligga i framtiden.' };

type Field = 'givenBy' | 'representativeName' | 'method' | 'givenOn';

/**
 * The consent step: the patient, or the patient's representative, consents to electronic
 * transfer to Försäkringskassan. Who, how and when, recorded with who recorded it.
 */
export function ConsentDialog({
  open,
  today,
  existing,
  onRecord,
  onClose,
  purpose = 'send',
}: Props) {
  const texts = purposeTexts[purpose];
  const [givenBy, setGivenBy] = useState<ConsentInput['givenBy'] | ''>(existing?.givenBy ?? '');
  const [representativeName, setRepresentativeName] = useState(existing?.representativeName ?? '');
  const [method, setMethod] = useState<ConsentInput['method'] | ''>(existing?.method ?? '');
  const [givenOn, setGivenOn] = useState(existing?.givenOn ?? today);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const ids = { errors: useId(), name: useId() };
  const fieldRefs = useRef<Partial<Record<Field, HTMLElement | null>>>({});

  const submit = async () => {
    const candidate = {
      givenBy: givenBy === '' ? undefined : givenBy,
      method: method === '' ? undefined : method,
      givenOn,
      ...(givenBy === 'representative' ? { representativeName: representativeName.trim() } : {}),
    };
    const parsed = consentInputSchema.safeParse(candidate);
    const next: Partial<Record<Field, string>> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'givenBy' || field === 'method' || field === 'representativeName') {
          next[field] ??= issue.message;
        }
      }
    }
    const dateError =
      givenOn.trim() === ''
        ? 'Ange datumet då samtycket lämnades.'
        : dateTextError(givenOn, { max: today }, consentDateMessages);
    if (dateError !== undefined) next.givenOn = dateError;
    setErrors(next);
    const first = (['givenBy', 'representativeName', 'method', 'givenOn'] as const).find(
      (field) => next[field] !== undefined,
    );
    if (first !== undefined || !parsed.success) {
      if (first !== undefined) fieldRefs.current[first]?.focus();
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      await onRecord(parsed.data);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'Samtycket kunde inte registreras.');
    } finally {
      setBusy(false);
    }
  };

  const errorId = (field: Field) => `${ids.errors}-${field}-error`;
  const describe = (field: Field) => (errors[field] === undefined ? undefined : errorId(field));
  const errorText = (field: Field) =>
    errors[field] === undefined ? null : (
      <p className="form-field__error-message consent__error" id={errorId(field)}>
        <span className="sr-only">Fel: </span>
        {errors[field]}
      </p>
    );

  return (
    <Dialog
      open={open}
      title={texts.title}
      onClose={onClose}
      footer={
        <DialogActions
          confirmLabel={texts.confirm}
          busyLabel="Registrerar…"
          busy={busy}
          onConfirm={() => void submit()}
          onCancel={onClose}
        />
      }
    >
      <p>{texts.intro}</p>
      {failure !== undefined && (
        <MessageBox
          variant="error"
          heading="Samtycket kunde inte registreras"
          headingLevel={3}
          live="alert"
        >
          <p>{failure}</p>
        </MessageBox>
      )}
      <RadioGroup
        legend="Vem har lämnat samtycket?"
        options={[
          ['patient', 'Patienten'],
          ['representative', 'Patientens företrädare (till exempel vårdnadshavare eller god man)'],
        ]}
        value={givenBy}
        onChange={setGivenBy}
        error={errors.givenBy}
        firstInputRef={(element) => void (fieldRefs.current.givenBy = element)}
      />
      {givenBy === 'representative' && (
        <div className="text-field consent__name">
          <label className="text-field__label" htmlFor={ids.name}>
            Företrädarens namn
          </label>
          {errorText('representativeName')}
          <input
            id={ids.name}
            className="text-field__input"
            type="text"
            autoComplete="off"
            maxLength={100}
            value={representativeName}
            aria-invalid={errors.representativeName !== undefined ? true : undefined}
            aria-describedby={describe('representativeName')}
            ref={(element) => void (fieldRefs.current.representativeName = element)}
            onChange={(event) => setRepresentativeName(event.target.value)}
          />
        </div>
      )}
      <RadioGroup
        legend="Hur lämnades samtycket?"
        options={[
          ['oral', 'Muntligt'],
          ['written', 'Skriftligt'],
        ]}
        value={method}
        onChange={setMethod}
        error={errors.method}
        firstInputRef={(element) => void (fieldRefs.current.method = element)}
      />
      <DateTextField
        className="consent__date"
        label="Datum då samtycket lämnades"
        value={givenOn}
        onChange={setGivenOn}
        today={today}
        max={today}
        messages={consentDateMessages}
        error={errors.givenOn}
        required
        ref={(element) => void (fieldRefs.current.givenOn = element)}
      />
    </Dialog>
  );
}
