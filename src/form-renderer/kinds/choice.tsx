import type { FocusEvent, InputHTMLAttributes, ReactNode } from 'react';
import { codeValueSchema } from '../../form-engine';
import type { FieldState } from './aria';
import { NotAnswered } from './not-answered';

/** An option of a choice: its code and label. */
type Option = { code: string; label: string };

/** Blur only when focus leaves the whole group: moving between its options is not leaving. */
function leavesGroup(event: FocusEvent<HTMLInputElement>): boolean {
  const group = event.currentTarget.closest('fieldset');
  const next = event.relatedTarget;
  return !(group !== null && next instanceof Node && group.contains(next));
}

type ChoiceInputProps = {
  type: 'radio' | 'checkbox';
  id: string;
  label: ReactNode;
  disabled: boolean;
  onBlur: () => void;
  /** The input's own attributes: checked, name, aria, onChange. */
  input: Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'disabled' | 'onBlur'>;
};

/** One FKUI radio button or checkbox with its label; leaving its group is its blur. */
function ChoiceInput({ type, id, label, disabled, onBlur, input }: ChoiceInputProps) {
  const block = type === 'radio' ? 'radio-button' : 'checkbox';
  return (
    <div className={`${block}${disabled ? ' disabled' : ''}`}>
      <input
        {...input}
        id={id}
        className={`${block}__input`}
        type={type}
        disabled={disabled}
        onBlur={(event) => {
          if (leavesGroup(event)) onBlur();
        }}
      />
      <label className={`${block}__label`} htmlFor={id}>
        {label}
      </label>
    </div>
  );
}

type RadioGroupProps = {
  /** The question's field: the radios' ids are `${controlId}-${item.key}`. */
  field: Pick<FieldState, 'controlId' | 'describedBy' | 'required' | 'disabled'>;
  name: string;
  horizontal: boolean;
  items: readonly { key: string; label: ReactNode; checked: boolean; onSelect: () => void }[];
  onBlur: () => void;
};

/** An FKUI radio button group; leaving it (not moving between its radios) is its blur. */
export function RadioGroup({ field, name, horizontal, items, onBlur }: RadioGroupProps) {
  return (
    <div className={`radio-button-group${horizontal ? ' radio-button-group--horizontal' : ''}`}>
      <div className="radio-button-group__content">
        {items.map((item) => (
          <ChoiceInput
            key={item.key}
            type="radio"
            id={`${field.controlId}-${item.key}`}
            label={item.label}
            disabled={field.disabled}
            onBlur={onBlur}
            input={{
              name,
              checked: item.checked,
              required: field.required,
              'aria-describedby': field.describedBy,
              onChange: item.onSelect,
            }}
          />
        ))}
      </div>
    </div>
  );
}

type CheckboxProps = {
  id: string;
  label: ReactNode;
  checked: boolean;
  disabled: boolean;
  invalid: boolean;
  describedBy: string | undefined;
  onToggle: (checked: boolean) => void;
  onBlur: () => void;
};

/** One FKUI checkbox. */
export function Checkbox({
  id,
  label,
  checked,
  disabled,
  invalid,
  describedBy,
  onToggle,
  onBlur,
}: CheckboxProps) {
  return (
    <ChoiceInput
      type="checkbox"
      id={id}
      label={label}
      disabled={disabled}
      onBlur={onBlur}
      input={{
        checked,
        'aria-invalid': invalid ? true : undefined,
        'aria-describedby': describedBy,
        onChange: (event) => onToggle(event.target.checked),
      }}
    />
  );
}

/** An option's label, with its description below it when it has one. */
export function OptionLabel({
  option,
  detailsClassName,
}: {
  option: Option & { description?: string | undefined };
  detailsClassName: string;
}) {
  return (
    <>
      {option.label}
      {option.description !== undefined && (
        <span className={detailsClassName}>{option.description}</span>
      )}
    </>
  );
}

/** A select's options: the empty choice first, then the question's options. */
export function OptionItems({
  placeholder,
  options,
  isDisabled,
}: {
  placeholder: string;
  options: readonly Option[];
  /** Options that cannot be chosen now (e.g. a share another row already has). */
  isDisabled?: (code: string) => boolean;
}) {
  return (
    <>
      <option value="">{placeholder}</option>
      {options.map((option) => (
        <option key={option.code} value={option.code} disabled={isDisabled?.(option.code)}>
          {option.label}
        </option>
      ))}
    </>
  );
}

/** The label of the option with `code`, or the code itself when no option has it. */
export function optionLabel(options: readonly Option[], code: string): string {
  return options.find((option) => option.code === code)?.label ?? code;
}

/** Read-only single choice: the chosen option's label. */
export function ChosenOptionView({
  options,
  value,
}: {
  options: readonly Option[];
  value: unknown;
}) {
  const parsed = codeValueSchema.safeParse(value);
  const option = parsed.success
    ? options.find((candidate) => candidate.code === parsed.data)
    : undefined;
  if (option === undefined) return <NotAnswered />;
  return <p className="answer-view">{option.label}</p>;
}
