import definitionJson from './fk7800.json';
import { fk7800Answers } from '../../server/seed/certificates/fk7800';
import { isKnownCode } from '../../server/domain/diagnoses/icd10-index';
import { loadIcd10IndexFromDisk } from '../../server/domain/diagnoses/load-icd10-node';
import { knownCodesLookup, loadDefinition } from './definition-test-kit';
import {
  describeOptionalTextRules,
  describeRequiredTextRules,
  describeSharedRules,
} from './testing/shared-rules';
import {
  describeFunctionGroupRules,
  describeLuseCommonRules,
  describeLuseDefinition,
  describeReassessmentRules,
} from './testing/luse-rules';

const subject = loadDefinition(definitionJson, fk7800Answers);
const knownDiagnosisCodes = knownCodesLookup(loadIcd10IndexFromDisk, isKnownCode);

describeLuseDefinition(
  'fk7800',
  definitionJson,
  subject,
  {
    code: 'fk7800',
    formNumber: 'FK 7800',
    name: 'Läkarutlåtande för sjukersättning',
    kind: 'utlåtande',
    version: '1.2',
  },
  [
    '1',
    '1_3',
    '1_4',
    '2',
    '3',
    '4',
    '6',
    '7',
    '45',
    '45_2',
    '5',
    '8',
    '9',
    '10',
    '11',
    '12',
    '13',
    '14',
    '17',
    '17_1',
    '18',
    '18_1',
    '19',
    '19_1',
    '20',
    '20_1',
    '21',
    '21_1',
    '22',
    '23',
    '25',
    '26',
    '26_2',
    'UNIT_CONTACT_INFORMATION',
  ],
);
describeSharedRules('fk7800', subject, {
  signRoles: ['physician'],
  fiveDigitPostcode: true,
  knownDiagnosisCodes,
});
describeLuseCommonRules('fk7800', subject, {
  basisList: 'LUSE',
  investigationTypesLeftOut: ['SKOLHALSOVARD'],
  knownDiagnosisCodes,
});
describeRequiredTextRules('fk7800', subject, [
  ['7', 3500],
  ['5', 3500],
  ['17_1', 3500],
  ['22', 3500],
]);
describeReassessmentRules('fk7800', subject, { limit: 3500, sample: 'F332 bör omprövas.' });
describeFunctionGroupRules('fk7800', subject);
describeOptionalTextRules('fk7800', subject, [
  ['18_1', 3500],
  ['19_1', 3500],
  ['20_1', 3500],
  ['21_1', 3500],
  ['23', 3500],
  ['25', 2700],
  ['26_2', 3500, { '26': true }],
]);
