import definitionJson from './fk7802.json';
import { fk7802Answers } from '../../server/seed/certificates/fk7802';
import { isKnownCode } from '../../server/domain/diagnoses/icd10-index';
import { loadIcd10IndexFromDisk } from '../../server/domain/diagnoses/load-icd10-node';
import { knownCodesLookup, loadDefinition } from './definition-test-kit';
import {
  describeOptionalTextRules,
  describeRequiredTextRules,
  describeSharedRules,
} from './testing/shared-rules';
import { describeLuseCommonRules, describeLuseDefinition } from './testing/luse-rules';

const subject = loadDefinition(definitionJson, fk7802Answers);
const knownDiagnosisCodes = knownCodesLookup(loadIcd10IndexFromDisk, isKnownCode);

describeLuseDefinition(
  'fk7802',
  definitionJson,
  subject,
  {
    code: 'fk7802',
    formNumber: 'FK 7802',
    name: 'Läkarutlåtande för aktivitetsersättning vid förlängd skolgång',
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
    '15',
    '16',
    '25',
    '26',
    '26_2',
    'UNIT_CONTACT_INFORMATION',
  ],
);
describeSharedRules('fk7802', subject, {
  signRoles: ['physician'],
  fiveDigitPostcode: true,
  knownDiagnosisCodes,
});
describeLuseCommonRules('fk7802', subject, {
  basisList: 'LUAE_FS',
  investigationTypesLeftOut: ['FORETAGSHALSOVARD'],
  knownDiagnosisCodes,
});
describeRequiredTextRules(
  'fk7802',
  subject,
  [
    ['15', 3500],
    ['16', 3500],
  ],
  '15 and 16 Funktionsnedsättning',
);
describeOptionalTextRules('fk7802', subject, [
  ['25', 2850],
  ['26_2', 3500, { '26': true }],
]);
