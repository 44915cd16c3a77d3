import { careUnitContactValueSchema, type CareUnitContact } from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { fieldDomId } from '../dom-ids';
import { useFormRuntime } from '../form-context';
import { joinIds } from './aria';
import { errorsAt, PartErrors } from './field-errors';
import { useAnswer } from './use-answer';
import { FkTextNotice, useFkTextInput } from '../fk-text-input';
import { NotAnswered } from './not-answered';

const parts = [
  { key: 'address', label: 'Postadress', autoComplete: 'street-address', size: 40 },
  { key: 'postcode', label: 'Postnummer', autoComplete: 'postal-code', size: 8 },
  { key: 'city', label: 'Postort', autoComplete: 'address-level2', size: 24 },
  { key: 'phone', label: 'Telefonnummer', autoComplete: 'tel', size: 20 },
] as const;

const empty: CareUnitContact = { address: '', postcode: '', city: '', phone: '' };

/** The care unit's contact details: prefilled from the unit, editable in a draft. */
export function CareUnitContactEdit({
  question,
  name,
  describedBy,
  disabled,
  invalid,
  errors,
}: EditProps<'careUnitContact'>) {
  const answer = useAnswer(name, careUnitContactValueSchema);
  const { idPrefix } = useFormRuntime();
  const value = answer.value ?? empty;
  // One notice for the four fields: the contact details are one answer.
  const fkText = useFkTextInput();
  return (
    <div className="care-unit-contact">
      {parts.map((part) => {
        const id = fieldDomId(idPrefix, question.id, [part.key]);
        const partErrors = invalid ? errorsAt(errors, [part.key]) : [];
        const errorId = `${id}-error`;
        return (
          <div
            key={part.key}
            className={`text-field${partErrors.length > 0 ? ' text-field--error' : ''}`}
          >
            <label className="label" htmlFor={id}>
              {part.label}
            </label>
            {/* Errors are the field's description, not part of its name. */}
            <PartErrors id={errorId} errors={partErrors} />
            <div className="text-field__input-wrapper">
              <input
                id={id}
                className="text-field__input"
                type="text"
                size={part.size}
                autoComplete={part.autoComplete}
                value={value[part.key]}
                disabled={disabled}
                aria-invalid={partErrors.length > 0 ? true : undefined}
                aria-describedby={joinIds(describedBy, partErrors.length > 0 ? errorId : undefined)}
                onChange={(event) =>
                  answer.onChange({ ...value, [part.key]: fkText.clean(event.currentTarget) })
                }
                onBlur={answer.onBlur}
                onFocus={fkText.clear}
              />
            </div>
          </div>
        );
      })}
      <FkTextNotice notice={fkText.notice} />
    </div>
  );
}

export function CareUnitContactView({ value }: ViewProps<'careUnitContact'>) {
  const parsed = careUnitContactValueSchema.safeParse(value);
  if (!parsed.success) return <NotAnswered />;
  const { address, postcode, city, phone } = parsed.data;
  return (
    <p className="answer-view">
      {address}
      <br />
      {postcode} {city}
      <br />
      Telefon: {phone}
    </p>
  );
}
