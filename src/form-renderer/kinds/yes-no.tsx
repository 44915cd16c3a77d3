import { booleanValueSchema } from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { RadioGroup } from './choice';
import { useAnswer } from './use-answer';
import { NotAnswered } from './not-answered';

function labels(question: EditProps<'yesNo'>['question']) {
  return { yes: question.trueLabel ?? 'Ja', no: question.falseLabel ?? 'Nej' };
}

export function YesNoEdit(props: EditProps<'yesNo'>) {
  const { question, name } = props;
  const answer = useAnswer(name, booleanValueSchema);
  const { yes, no } = labels(question);
  return (
    <RadioGroup
      field={props}
      name={`${name}-yesno`}
      horizontal
      items={([true, false] as const).map((option) => ({
        key: option ? 'ja' : 'nej',
        label: option ? yes : no,
        checked: answer.value === option,
        onSelect: () => answer.onChange(option),
      }))}
      onBlur={answer.onBlur}
    />
  );
}

export function YesNoView({ question, value }: ViewProps<'yesNo'>) {
  const parsed = booleanValueSchema.safeParse(value);
  if (!parsed.success) return <NotAnswered />;
  const { yes, no } = labels(question);
  return <p className="answer-view">{parsed.data ? yes : no}</p>;
}
