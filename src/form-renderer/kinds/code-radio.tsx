import { codeValueSchema } from '../../form-engine';
import type { EditProps, ViewProps } from '../types';
import { ChosenOptionView, OptionLabel, RadioGroup } from './choice';
import { useAnswer } from './use-answer';

export function CodeRadioEdit(props: EditProps<'codeRadio'>) {
  const { question, name } = props;
  const answer = useAnswer(name, codeValueSchema);
  return (
    <RadioGroup
      field={props}
      name={`${name}-radio`}
      horizontal={question.layout === 'columns'}
      items={question.options.map((option) => ({
        key: option.code,
        label: <OptionLabel option={option} detailsClassName="radio-button__details" />,
        checked: answer.value === option.code,
        onSelect: () => answer.onChange(option.code),
      }))}
      onBlur={answer.onBlur}
    />
  );
}

export function CodeRadioView({ question, value }: ViewProps<'codeRadio'>) {
  return <ChosenOptionView options={question.options} value={value} />;
}
