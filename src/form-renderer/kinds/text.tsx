import { textValueSchema } from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { TextBox } from './text-box';
import { useAnswer } from './use-answer';
import { NotAnswered } from './not-answered';

function TextEdit({
  props,
  multiline,
}: {
  props: EditProps<'textArea'> | EditProps<'textField'>;
  multiline: boolean;
}) {
  const answer = useAnswer(props.name, textValueSchema);
  return (
    <TextBox
      field={props}
      multiline={multiline}
      name={props.name}
      value={answer.value ?? ''}
      placeholder={props.question.placeholder}
      maxLength={props.question.maxLength}
      onChange={(text) => answer.onChange(text === '' ? undefined : text)}
      onBlur={answer.onBlur}
    />
  );
}

export function TextAreaEdit(props: EditProps<'textArea'>) {
  return <TextEdit props={props} multiline />;
}

export function TextFieldEdit(props: EditProps<'textField'>) {
  return <TextEdit props={props} multiline={false} />;
}

function TextView({ value }: { value: unknown }) {
  const parsed = textValueSchema.safeParse(value);
  if (!parsed.success || parsed.data.trim() === '') return <NotAnswered />;
  return <p className="answer-view answer-view--text">{parsed.data}</p>;
}

export function TextAreaView({ value }: ViewProps<'textArea'>) {
  return <TextView value={value} />;
}

export function TextFieldView({ value }: ViewProps<'textField'>) {
  return <TextView value={value} />;
}
