import type { FocusEvent, ReactNode } from 'react';

/** Blur only when focus leaves the whole group: moving between its options is not leaving. */
function leavesGroup(event: FocusEvent<HTMLInputElement>): boolean {
  const group = event.currentTarget.closest('fieldset');
  const next = event.relatedTarget;
  return !(group !== null && next instanceof Node && group.contains(next));
}

type RadioProps = {
  id: string;
  name: string;
  label: ReactNode;
  checked: boolean;
  disabled: boolean;
  required: boolean;
  describedBy: string | undefined;
  onSelect: () => void;
  onBlur: () => void;
};

/** One FKUI radio button. */
export function Radio({
  id,
  name,
  label,
  checked,
  disabled,
  required,
  describedBy,
  onSelect,
  onBlur,
}: RadioProps) {
  return (
    <div className={`radio-button${disabled ? ' disabled' : ''}`}>
      <input
        id={id}
        className="radio-button__input"
        type="radio"
        name={name}
        checked={checked}
        disabled={disabled}
        required={required}
        aria-describedby={describedBy}
        onChange={onSelect}
        onBlur={(event) => {
          if (leavesGroup(event)) onBlur();
        }}
      />
      <label className="radio-button__label" htmlFor={id}>
        {label}
      </label>
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
    <div className={`checkbox${disabled ? ' disabled' : ''}`}>
      <input
        id={id}
        className="checkbox__input"
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onToggle(event.target.checked)}
        onBlur={(event) => {
          if (leavesGroup(event)) onBlur();
        }}
      />
      <label className="checkbox__label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
