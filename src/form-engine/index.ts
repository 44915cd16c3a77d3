/**
 * Public API of the form engine: definition format, answer shapes, rules, validation,
 * readiness, and the date and sick-leave maths. No React, no DOM, no I/O.
 */
export {
  certificateDefinitionSchema,
  parseDefinition,
  definitionJsonSchema,
  questionSchema,
  categorySchema,
  conditionSchema,
  crossCheckSchema,
  noticeSchema,
  confirmationSchema,
  policySchema,
  roleSchema,
  questionIdSchema,
  dateOffsetSchema,
  dateReferenceSchema,
  dateSelectorSchema,
  conditionQuestionIds,
  isAnswerQuestion,
  QUESTION_KINDS,
  type CertificateDefinition,
  type CertificateDefinitionInput,
  type Category,
  type Question,
  type QuestionKind,
  type QuestionOfKind,
  type AnswerQuestion,
  type AnswerKind,
  type StaticQuestion,
  type QuestionOption,
  type Condition,
  type ConditionType,
  type ConditionalMessage,
  type ComparisonOperator,
  type CrossCheck,
  type CrossCheckType,
  type DateField,
  type DateOffsetSpec,
  type DateReference,
  type DateSelector,
  type ErrorTexts,
  type Notice,
  type Confirmation,
  type Policy,
  type Role,
} from './definition-schema';

export {
  answerValueSchemas,
  textValueSchema,
  booleanValueSchema,
  codeValueSchema,
  codeListValueSchema,
  checkboxDatesValueSchema,
  dateValueSchema,
  integerValueSchema,
  periodListValueSchema,
  diagnosesValueSchema,
  investigationsValueSchema,
  careUnitContactValueSchema,
  icfValueSchema,
  isAnswered,
  readValue,
  selectDates,
  selectedCodes,
  type Answers,
  type AnswerValueOf,
  type TypedValue,
  type CheckboxDateRow,
  type PeriodRow,
  type DiagnosisRow,
  type InvestigationRow,
  type CareUnitContact,
  type IcfValue,
} from './answer-values';

export { evaluateCondition, type ConditionEnv } from './conditions';

export {
  evaluate,
  evaluateQuestion,
  pruneHidden,
  getRuleDependencies,
  getCategoryDependencies,
  isCategoryVisible,
  type EvaluationContext,
  type EvaluationResult,
  type QuestionState,
  type QuestionError,
  type ActiveMessage,
  type CategoryState,
  type Readiness,
  type Blocker,
  type BlockerKind,
} from './evaluate';

export { buildAnswerSchema, type ContextSource } from './answer-schema';

export {
  validateAnswer,
  disabledOptionCodes,
  dateProblem,
  type DateProblem,
  type FieldIssue,
  type IssueKind,
  type IssuePath,
} from './validate-answer';

export { runCrossChecks, crossCheckQuestionIds, type CrossCheckIssue } from './cross-checks';

export {
  DEFAULT_MESSAGES,
  READINESS_MESSAGES,
  MESSAGE_KEYS,
  formatMessage,
  type MessageKey,
} from './messages';

export {
  parseDateInput,
  isIsoDate,
  toEpochDay,
  fromEpochDay,
  addDays,
  addMonths,
  addYears,
  applyOffset,
  differenceInDays,
  ageInYears,
  isWithinAllowedRange,
  EARLIEST_ALLOWED_DATE,
  LATEST_ALLOWED_DATE,
  type IsoDate,
  type DateOffset,
  type ParseDateInputOptions,
} from './dates';

export {
  SICK_LEAVE_DEGREES,
  PARENTAL_CARE_SHARES,
  MAX_WORKING_HOURS_PER_WEEK,
  WORKING_HOURS_INVALID_MESSAGE,
  isCompletePeriod,
  periodLengthInDays,
  periodsOverlap,
  findOverlappingPeriods,
  totalDays,
  summarizePeriods,
  formatTotalDaysText,
  remainingWorkingHours,
  isValidWorkingHours,
  nextPeriodStart,
  CONTINUATION_MAX_DAYS_BACK,
  type DatePeriod,
  type SickLeaveSummary,
} from './sick-leave';

export {
  normalizeDiagnosisCode,
  checkDiagnosisCodeFormat,
  DEFAULT_PSYCHIATRIC_PREFIXES,
  codeDescribedInstead,
  diagnosisTextKey,
  dottedDiagnosisCode,
  type DiagnosisCodeFormat,
  type DiagnosisTitles,
} from './diagnosis';

export { shortQuestionLabel } from './question-label';

export {
  isFkText,
  cleanFkText,
  charactersOutsideFkText,
  fkTextChangeMessage,
  fkTextProblem,
  fkTextRefusal,
  answersOutsideFkText,
  type FkTextChange,
  type FkTextCleaning,
} from './fk-text';

export { applySigningTransforms, signingTransformSchema, type SigningTransform } from './signing';
