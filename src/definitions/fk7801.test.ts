import definitionJson from './fk7801.json';
import { fk7801Answers } from '../../server/seed/certificates/fk7801';
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

const subject = loadDefinition(definitionJson, fk7801Answers);
const knownDiagnosisCodes = knownCodesLookup(loadIcd10IndexFromDisk, isKnownCode);

describeLuseDefinition(
  'fk7801',
  definitionJson,
  subject,
  {
    code: 'fk7801',
    formNumber: 'FK 7801',
    name: 'Läkarutlåtande för aktivitetsersättning vid nedsatt arbetsförmåga',
    kind: 'utlåtande',
    version: '1.1',
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
    '24',
    '25',
    '26',
    '26_2',
    'UNIT_CONTACT_INFORMATION',
  ],
);
describeSharedRules('fk7801', subject, {
  signRoles: ['physician'],
  fiveDigitPostcode: true,
  knownDiagnosisCodes,
});
describeLuseCommonRules('fk7801', subject, {
  basisList: 'LUAE_NA',
  investigationTypesLeftOut: [],
  knownDiagnosisCodes,
});
describeRequiredTextRules('fk7801', subject, [
  ['7', 3500],
  ['5', 3500],
  ['17_1', 3500],
  ['22', 'unlimited'],
]);
describeReassessmentRules('fk7801', subject, { limit: 'unlimited', sample: 'F900 bör omprövas.' });
describeFunctionGroupRules('fk7801', subject);
describeOptionalTextRules('fk7801', subject, [
  ['18_1', 3500],
  ['19_1', 3500],
  ['20_1', 3500],
  ['21_1', 3500],
  ['25', 2700],
  ['26_2', 3500, { '26': true }],
  ['23', 'unlimited'],
  ['24', 'unlimited'],
]);
