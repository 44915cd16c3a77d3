import { FieldLabel, fieldLabelIds } from './field-label';
import { useId, type InputHTMLAttributes, type Ref } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: string;
  description?: string;
  error?: string;
  ref?: Ref<HTMLInputElement>;
};

/** FKUI text field: label, optional description, error message tied to the input. */
export function TextField({ label, description, error, ref, className, ...input }: Props) {
  const id = useId();
  const { descriptionId, errorId } = fieldLabelIds(id);
  const describedBy = [description ? descriptionId : undefined, error ? errorId : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={`text-field${error ? ' text-field--error' : ''}${className ? ` ${className}` : ''}`}
    >
      <FieldLabel htmlFor={id} label={label} description={description} error={error} />
      <div className="text-field__input-wrapper">
        <input
          ref={ref}
          id={id}
          className="text-field__input"
          aria-invalid={error !== undefined ? true : undefined}
          aria-describedby={describedBy || undefined}
          {...input}
        />
      </div>
    </div>
  );
}
