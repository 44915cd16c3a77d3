import { useId, type ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import {
  activityTypes,
  careForms,
  organisationNumberSchema,
  practiceDetailsSchema,
  type PracticeDetails,
} from '../../../contracts/registration';
import { FieldLabel, fieldLabelIds } from '../../../components/ui/field-label';
import { MessageBox } from '../../../components/ui/message-box';
import { RadioGroup } from '../../../components/ui/radio-group';
import { TextField } from '../../../components/ui/text-field';

/** The form's values: what the fields hold before the contract's schema has checked them. */
type Values = { [K in keyof PracticeDetails]: string } & { organisationNumber: string };
type FieldName = keyof Values;

const fieldOrder: readonly FieldName[] = [
  'name',
  'organisationNumber',
  'postalAddress',
  'postcode',
  'city',
  'phone',
  'email',
  'careForm',
  'activityType',
];

const careFormOptions = Object.entries(careForms).map(([value, label]) => [value, label] as const);

export type PracticeFormResult = { practice: PracticeDetails; organisationNumber: string };

type Props = {
  /** What the fields start with. */
  initial: PracticeDetails | undefined;
  /** The organisation number is asked at registration only; afterwards it is the identity. */
  initialOrganisationNumber?: string | undefined;
  askOrganisationNumber: boolean;
  submitLabel: string;
  busy: boolean;
  onSubmit: (result: PracticeFormResult) => void;
  /** Buttons before the submit button (e.g. "Tillbaka"). */
  actions?: ReactNode;
};

function fieldOf(path: readonly PropertyKey[]): FieldName | undefined {
  return fieldOrder.find((name) => name === path[0]);
}

function blank(): Values {
  return {
    name: '',
    organisationNumber: '',
    postalAddress: '',
    postcode: '',
    city: '',
    phone: '',
    email: '',
    careForm: '',
    activityType: '',
  };
}

/**
 * The practice's details (registration step 2 and "Mina uppgifter"), checked with the
 * contract's schemas, the same the backend parses with. The first wrong field gets focus, and
 * a summary announces what is wrong.
 */
export function PracticeForm({
  initial,
  initialOrganisationNumber,
  askOrganisationNumber,
  submitLabel,
  busy,
  onSubmit,
  actions,
}: Props) {
  const selectId = useId();
  const { errorId } = fieldLabelIds(selectId);
  const {
    register,
    handleSubmit,
    setError,
    clearErrors,
    setFocus,
    control,
    formState: { errors, submitCount },
  } = useForm<Values>({
    defaultValues: {
      ...blank(),
      ...initial,
      organisationNumber: initialOrganisationNumber ?? '',
    },
  });

  const submit = handleSubmit((values) => {
    const practice = practiceDetailsSchema.safeParse(values);
    const organisation = askOrganisationNumber
      ? organisationNumberSchema.safeParse(values.organisationNumber)
      : undefined;
    const issues: z.core.$ZodIssue[] = [
      ...(practice.success ? [] : practice.error.issues),
      ...(organisation === undefined || organisation.success
        ? []
        : organisation.error.issues.map((issue) => ({ ...issue, path: ['organisationNumber'] }))),
    ];
    const wrong = fieldOrder.filter((name) => issues.some((issue) => fieldOf(issue.path) === name));
    const told = new Set<FieldName>();
    for (const issue of issues) {
      const name = fieldOf(issue.path);
      if (name !== undefined && !told.has(name)) {
        told.add(name);
        setError(name, { type: 'validate', message: issue.message });
      }
    }
    const [first] = wrong;
    if (first !== undefined) {
      setFocus(first);
      return;
    }
    if (!practice.success) return;
    onSubmit({ practice: practice.data, organisationNumber: values.organisationNumber });
  });

  const fieldProps = (name: FieldName) => register(name, { onChange: () => clearErrors(name) });
  const errorCount = Object.keys(errors).length;

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="registration-form">
      {submitCount > 0 && errorCount > 0 && (
        <MessageBox
          variant="error"
          heading="Uppgifterna behöver rättas"
          headingLevel={3}
          live="alert"
        >
          <p>
            {errorCount === 1
              ? 'Ett fält är inte rätt ifyllt.'
              : `${String(errorCount)} fält är inte rätt ifyllda.`}{' '}
            Felen visas vid fälten.
          </p>
        </MessageBox>
      )}
      <fieldset className="registration-form__group">
        <legend>Verksamhet</legend>
        <TextField
          label="Verksamhetens namn"
          autoComplete="organization"
          error={errors.name?.message}
          {...fieldProps('name')}
        />
        {askOrganisationNumber && (
          <TextField
            label="Organisationsnummer"
            description="Tio siffror: NNNNNN-NNNN."
            inputMode="numeric"
            autoComplete="off"
            error={errors.organisationNumber?.message}
            {...fieldProps('organisationNumber')}
          />
        )}
        <Controller
          control={control}
          name="careForm"
          render={({ field }) => (
            <RadioGroup
              legend="Vårdform"
              options={careFormOptions}
              value={field.value}
              onChange={(value) => {
                clearErrors('careForm');
                field.onChange(value);
              }}
              error={errors.careForm?.message}
              firstInputRef={field.ref}
            />
          )}
        />
        <div className={`select-field${errors.activityType ? ' select-field--error' : ''}`}>
          <FieldLabel
            htmlFor={selectId}
            label="Verksamhetstyp"
            error={errors.activityType?.message}
          />
          <select
            id={selectId}
            className="select-field__select"
            aria-invalid={errors.activityType ? true : undefined}
            aria-describedby={errors.activityType ? errorId : undefined}
            {...fieldProps('activityType')}
          >
            <option value="">Välj verksamhetstyp</option>
            {Object.entries(activityTypes).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <fieldset className="registration-form__group">
        <legend>Postadress</legend>
        <TextField
          label="Postadress"
          autoComplete="street-address"
          error={errors.postalAddress?.message}
          {...fieldProps('postalAddress')}
        />
        <TextField
          label="Postnummer"
          description="Fem siffror: NNN NN."
          inputMode="numeric"
          autoComplete="postal-code"
          error={errors.postcode?.message}
          {...fieldProps('postcode')}
        />
        <TextField
          label="Postort"
          autoComplete="address-level2"
          error={errors.city?.message}
          {...fieldProps('city')}
        />
      </fieldset>
      <fieldset className="registration-form__group">
        <legend>Kontaktuppgifter</legend>
        <TextField
          label="Telefonnummer"
          type="tel"
          autoComplete="tel"
          error={errors.phone?.message}
          {...fieldProps('phone')}
        />
        <TextField
          label="E-postadress"
          type="email"
          autoComplete="email"
          error={errors.email?.message}
          {...fieldProps('email')}
        />
      </fieldset>
      <div className="registration-form__actions">
        {actions}
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
