import { apiErrorCodes } from '../../src/contracts/common';
import {
  answersOutsideFkText,
  fkTextRefusal,
  shortQuestionLabel,
  type Answers,
  type CertificateDefinition,
} from '../../src/form-engine';
import { labelledText } from '../../src/language/swedish';
import { reject, type Rejection } from './outcome';

/**
 * A draft's answers must hold only text Försäkringskassan can receive (src/form-engine/fk-text.ts):
 * otherwise 400, naming the first such question and its characters ("Diagnos: Texten innehåller
 * tecken som Försäkringskassan inte kan ta emot: 😀"). On save, `stored` (the draft's answers
 * before it) lets a text through that was stored before the rule and is written back
 * unchanged, so such a draft keeps saving while the physician edits other answers; signing
 * gives no `stored` and refuses every one.
 */
export function checkFkTextAnswers(
  definition: CertificateDefinition,
  answers: Answers,
  stored?: Answers,
): Rejection | undefined {
  const [first] = answersOutsideFkText(answers, stored);
  if (first === undefined) return undefined;
  return reject(
    400,
    apiErrorCodes.badRequest,
    labelledText(shortQuestionLabel(definition, first.questionId), fkTextRefusal(first.characters)),
  );
}
