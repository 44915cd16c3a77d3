import { useId, type Ref } from 'react';

type Props<V extends string> = {
  legend: string;
  options: readonly (readonly [value: V, label: string])[];
  value: V | '';
  onChange: (value: V) => void;
  /** A Swedish message shown under the legend and tied to the group. */
  error?: string | undefined;
  /** The first option's input, so a form can move focus to the group when it has an error. */
  firstInputRef?: Ref<HTMLInputElement>;
};

/** A group of FKUI radio buttons with its legend and, when there is one, its error. */
export function RadioGroup<V extends string>({
  legend,
  options,
  value,
  onChange,
  error,
  firstInputRef,
}: Props<V>) {
  const name = useId();
  const errorId = `${name}-error`;
  return (
    <fieldset className="radio-group" aria-describedby={error === undefined ? undefined : errorId}>
      <legend>{legend}</legend>
      {error !== undefined && (
        <p className="form-field__error-message radio-group__error" id={errorId}>
          <span className="sr-only">Fel: </span>
          {error}
        </p>
      )}
      {options.map(([optionValue, label], index) => (
        <div className="radio-button" key={optionValue}>
          <input
            className="radio-button__input"
            type="radio"
            id={`${name}-${optionValue}`}
            name={name}
            checked={value === optionValue}
            ref={index === 0 ? firstInputRef : undefined}
            onChange={() => onChange(optionValue)}
          />
          <label className="radio-button__label" htmlFor={`${name}-${optionValue}`}>
            {label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
