import { CharacterCounter } from './character-counter';
import { FieldLabel, fieldLabelIds } from './field-label';
import { useId, type Ref, type TextareaHTMLAttributes } from 'react';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value'> & {
  label: string;
  value: string;
  description?: string;
  error?: string;
  maxLength: number;
  ref?: Ref<HTMLTextAreaElement>;
};

/**
 * FKUI textarea: label, optional description and error, and its character counter; `children`
 * come after the counter (e.g. a notice about the text).
 */
export function TextArea({
  label,
  description,
  error,
  maxLength,
  ref,
  value,
  children,
  ...area
}: Props) {
  const id = useId();
  const { descriptionId, errorId } = fieldLabelIds(id);
  const counterId = `${id}-counter`;
  const describedBy = [
    description ? descriptionId : undefined,
    error ? errorId : undefined,
    counterId,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`textarea-field${error !== undefined ? ' textarea-field--error' : ''}`}>
      <FieldLabel htmlFor={id} label={label} description={description} error={error} />
      <textarea
        ref={ref}
        id={id}
        className="textarea-field__textarea textarea-field__resize--vertical"
        rows={5}
        maxLength={maxLength}
        value={value}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={describedBy}
        {...area}
      />
      <CharacterCounter id={counterId} length={value.length} max={maxLength} />
      {children}
    </div>
  );
}
