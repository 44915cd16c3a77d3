import type { ReactNode } from 'react';
import { CharacterCounter } from '../../components/ui/character-counter';
import { FkTextNotice, useFkTextInput } from '../fk-text-input';
import { controlAttributes, type FieldState } from './aria';

/** The id of a text's counter, when the text has a maximum length. */
export function counterIdOf(id: string, max: number | undefined): string | undefined {
  return max !== undefined ? `${id}-counter` : undefined;
}

/** The text's character counter; nothing without a maximum. */
export function TextCounter({
  id,
  length,
  max,
}: {
  id: string | undefined;
  length: number;
  max: number | undefined;
}) {
  if (id === undefined || max === undefined) return null;
  return <CharacterCounter id={id} length={length} max={max} />;
}

type TextBoxProps = {
  /** The question's field props: id, state and descriptions of the control. */
  field: FieldState;
  /** A textarea, or a one-line input. */
  multiline: boolean;
  /** The control's name attribute, when it has one. */
  name?: string | undefined;
  value: string;
  placeholder: string | undefined;
  maxLength: number | undefined;
  onChange: (text: string) => void;
  onBlur: () => void;
  /** Shown above a textarea (e.g. an ICF text's codes). */
  children?: ReactNode;
};

/**
 * A text kind's control (textarea or input) with its FKUI field and character counter. What is
 * typed or pasted is cleaned to text FK can receive, with a notice of what changed.
 */
export function TextBox({
  field,
  multiline,
  name,
  value,
  placeholder,
  maxLength,
  onChange,
  onBlur,
  children,
}: TextBoxProps) {
  const counterId = counterIdOf(field.controlId, maxLength);
  const fkText = useFkTextInput();
  const control = {
    ...controlAttributes(field, counterId),
    name,
    value,
    placeholder,
    onBlur,
    onFocus: fkText.clear,
  };
  const counter = (
    <>
      <TextCounter id={counterId} length={value.length} max={maxLength} />
      <FkTextNotice notice={fkText.notice} />
    </>
  );
  if (multiline) {
    return (
      <div className={`textarea-field${field.invalid ? ' textarea-field--error' : ''}`}>
        {children}
        <textarea
          {...control}
          className="textarea-field__textarea textarea-field__resize--vertical"
          rows={4}
          onChange={(event) => onChange(fkText.clean(event.currentTarget))}
        />
        {counter}
      </div>
    );
  }
  return (
    <div className={`text-field${field.invalid ? ' text-field--error' : ''}`}>
      <div className="text-field__input-wrapper">
        <input
          {...control}
          type="text"
          className="text-field__input"
          onChange={(event) => onChange(fkText.clean(event.currentTarget))}
        />
      </div>
      {counter}
    </div>
  );
}
