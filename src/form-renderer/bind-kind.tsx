import type { ReactNode } from 'react';
import type { AnswerKind, AnswerQuestion } from '../form-engine';
import { kindRegistry } from './registry';
import type { EditProps, KindComponents } from './types';

export type SharedEditProps = Omit<EditProps<AnswerKind>, 'question'>;

export interface BoundKind {
  edit: (props: SharedEditProps) => ReactNode;
  view: (value: unknown) => ReactNode;
}

/**
 * Binds a question to its kind's Edit and View components. The switch is where TypeScript
 * proves that each question reaches the components of its own kind.
 */
export function bindKind(question: AnswerQuestion): BoundKind {
  switch (question.kind) {
    case 'textArea': {
      const { Edit, View } = kindRegistry.textArea;
      return {
        edit: (props) => <Edit question={question} {...props} />,
        view: (value) => <View question={question} value={value} />,
      };
    }
    case 'textField': {
      const { Edit, View } = kindRegistry.textField;
      return {
        edit: (props) => <Edit question={question} {...props} />,
        view: (value) => <View question={question} value={value} />,
      };
    }
    case 'icf': {
      const { Edit, View } = kindRegistry.icf;
      return {
        edit: (props) => <Edit question={question} {...props} />,
        view: (value) => <View question={question} value={value} />,
      };
    }
    case 'yesNo': {
      const { Edit, View } = kindRegistry.yesNo;
      return {
        edit: (props) => <Edit question={question} {...props} />,
        view: (value) => <View question={question} value={value} />,
      };
    }
    case 'checkbox': {
      const { Edit, View } = kindRegistry.checkbox;
      return {
        edit: (props) => <Edit question={question} {...props} />,
        view: (value) => <View question={question} value={value} />,
      };
    }
    case 'codeRadio': {
      const { Edit, View } = kindRegistry.codeRadio;
      return {
        edit: (props) => <Edit question={question} {...props} />,
        view: (value) => <View question={question} value={value} />,
      };
    }
    case 'dropdown': {
      const { Edit, View } = kindRegistry.dropdown;
      return {
        edit: (props) => <Edit question={question} {...props} />,
        view: (value) => <View question={question} value={value} />,
      };
    }
    case 'codeCheckboxes': {
      const { Edit, View } = kindRegistry.codeCheckboxes;
      return {
        edit: (props) => <Edit question={question} {...props} />,
        view: (value) => <View question={question} value={value} />,
      };
    }
    case 'checkboxDates': {
      const { Edit, View } = kindRegistry.checkboxDates;
      return {
        edit: (props) => <Edit question={question} {...props} />,
        view: (value) => <View question={question} value={value} />,
      };
    }
    case 'date': {
      const { Edit, View } = kindRegistry.date;
      return {
        edit: (props) => <Edit question={question} {...props} />,
        view: (value) => <View question={question} value={value} />,
      };
    }
    case 'integer': {
      const { Edit, View } = kindRegistry.integer;
      return {
        edit: (props) => <Edit question={question} {...props} />,
        view: (value) => <View question={question} value={value} />,
      };
    }
    case 'sickLeavePeriods': {
      const { Edit, View } = kindRegistry.sickLeavePeriods;
      return {
        edit: (props) => <Edit question={question} {...props} />,
        view: (value) => <View question={question} value={value} />,
      };
    }
    case 'periodsWithShares': {
      const { Edit, View } = kindRegistry.periodsWithShares;
      return {
        edit: (props) => <Edit question={question} {...props} />,
        view: (value) => <View question={question} value={value} />,
      };
    }
    case 'diagnoses': {
      const { Edit, View } = kindRegistry.diagnoses;
      return {
        edit: (props) => <Edit question={question} {...props} />,
        view: (value) => <View question={question} value={value} />,
      };
    }
    case 'investigations': {
      const { Edit, View } = kindRegistry.investigations;
      return {
        edit: (props) => <Edit question={question} {...props} />,
        view: (value) => <View question={question} value={value} />,
      };
    }
    case 'careUnitContact': {
      const { Edit, View } = kindRegistry.careUnitContact;
      return {
        edit: (props) => <Edit question={question} {...props} />,
        view: (value) => <View question={question} value={value} />,
      };
    }
    default: {
      const unreachable: never = question;
      return unreachable;
    }
  }
}

export function labellingOf(kind: AnswerKind): KindComponents<AnswerKind>['labelling'] {
  return kindRegistry[kind].labelling;
}
