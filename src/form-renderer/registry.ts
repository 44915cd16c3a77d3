import type { KindRegistry } from './types';
import { CareUnitContactEdit, CareUnitContactView } from './kinds/care-unit-contact';
import { CheckboxEdit, CheckboxView } from './kinds/checkbox';
import { CheckboxDatesEdit, CheckboxDatesView } from './kinds/checkbox-dates';
import { CodeCheckboxesEdit, CodeCheckboxesView } from './kinds/code-checkboxes';
import { CodeRadioEdit, CodeRadioView } from './kinds/code-radio';
import { DateEdit, DateView } from './kinds/date';
import { DiagnosesEdit, DiagnosesView } from './kinds/diagnoses';
import { DropdownEdit, DropdownView } from './kinds/dropdown';
import { IcfEdit, IcfView } from './kinds/icf';
import { IntegerEdit, IntegerView } from './kinds/integer';
import { InvestigationsEdit, InvestigationsView } from './kinds/investigations';
import { PeriodsWithSharesEdit, PeriodsWithSharesView } from './kinds/periods-with-shares';
import { SickLeavePeriodsEdit, SickLeavePeriodsView } from './kinds/sick-leave-periods';
import { TextAreaEdit, TextAreaView, TextFieldEdit, TextFieldView } from './kinds/text';
import { YesNoEdit, YesNoView } from './kinds/yes-no';

/** Each answer kind's Edit and View components, and how the question labels them. */
export const kindRegistry: KindRegistry = {
  textArea: { Edit: TextAreaEdit, View: TextAreaView, labelling: 'label' },
  textField: { Edit: TextFieldEdit, View: TextFieldView, labelling: 'label' },
  icf: { Edit: IcfEdit, View: IcfView, labelling: 'label' },
  yesNo: { Edit: YesNoEdit, View: YesNoView, labelling: 'group' },
  checkbox: { Edit: CheckboxEdit, View: CheckboxView, labelling: 'group' },
  codeRadio: { Edit: CodeRadioEdit, View: CodeRadioView, labelling: 'group' },
  dropdown: { Edit: DropdownEdit, View: DropdownView, labelling: 'label' },
  codeCheckboxes: { Edit: CodeCheckboxesEdit, View: CodeCheckboxesView, labelling: 'group' },
  checkboxDates: { Edit: CheckboxDatesEdit, View: CheckboxDatesView, labelling: 'group' },
  date: { Edit: DateEdit, View: DateView, labelling: 'label' },
  integer: { Edit: IntegerEdit, View: IntegerView, labelling: 'label' },
  sickLeavePeriods: { Edit: SickLeavePeriodsEdit, View: SickLeavePeriodsView, labelling: 'group' },
  periodsWithShares: {
    Edit: PeriodsWithSharesEdit,
    View: PeriodsWithSharesView,
    labelling: 'group',
  },
  diagnoses: { Edit: DiagnosesEdit, View: DiagnosesView, labelling: 'group' },
  investigations: { Edit: InvestigationsEdit, View: InvestigationsView, labelling: 'group' },
  careUnitContact: { Edit: CareUnitContactEdit, View: CareUnitContactView, labelling: 'group' },
};
