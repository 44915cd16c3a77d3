import type { PreviousPeriods } from '../../src/contracts/certificates';
import {
  isCompletePeriod,
  periodListValueSchema,
  type Answers,
  type CertificateDefinition,
} from '../../src/form-engine';

/**
 * What a renewal ("förnya") carries of the certificate it renews besides the copied answers:
 * the periods of every period question the type leaves empty on renewal (FK 7804's sick
 * leave, FK 7472's care periods). The new draft shows them beside the question, and a new
 * period starts the day after the last of them ends (`nextPeriodStart`), so nothing overlaps.
 * Undefined when the renewed certificate has no such periods.
 */
export function previousPeriodsOf(
  definition: CertificateDefinition,
  renewed: Answers,
): PreviousPeriods | undefined {
  const notCopied = new Set(definition.policy.renew.notCopied);
  const entries = definition.categories
    .flatMap((category) => category.questions)
    .filter(
      (question) =>
        (question.kind === 'sickLeavePeriods' || question.kind === 'periodsWithShares') &&
        notCopied.has(question.id),
    )
    .flatMap((question) => {
      const parsed = periodListValueSchema.safeParse(renewed[question.id]);
      const rows = parsed.success
        ? parsed.data
            .filter((row) => row.code !== '' && isCompletePeriod(row))
            .map(({ code, from, to }) => ({ code, from, to }))
        : [];
      return rows.length === 0 ? [] : [[question.id, rows] as const];
    });
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}
