import type { CertificateTypeCode } from '../../../src/definitions';
import { fk3226Answers } from './fk3226';
import { fk7210Answers } from './fk7210';
import { fk7472Answers } from './fk7472';
import { fk7800Answers } from './fk7800';
import { fk7801Answers } from './fk7801';
import { fk7802Answers } from './fk7802';
import { fk7804Answers } from './fk7804';
import { fk7809Answers } from './fk7809';
import type { AnswerBuilder } from './types';

/** The answer builder of every certificate type. */
export const answerBuilders: Record<CertificateTypeCode, AnswerBuilder> = {
  fk7804: fk7804Answers,
  fk7800: fk7800Answers,
  fk7801: fk7801Answers,
  fk7802: fk7802Answers,
  fk3226: fk3226Answers,
  fk7809: fk7809Answers,
  fk7210: fk7210Answers,
  fk7472: fk7472Answers,
};

export type { AnswerBuilder } from './types';
