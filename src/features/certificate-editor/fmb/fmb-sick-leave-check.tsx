import { MessageBox } from '../../../components/ui/message-box';
import type { GuidanceProps } from '../../../form-renderer';
import { diagnosisCodesOf, sickLeavePeriodsOf, useSettled, useSickLeaveCheck } from './fmb-api';
import { countText } from '../../../language/swedish';
import './fmb.css';

function recommendationText(recommendation: { code: string; maxDays: number } | undefined): string {
  if (recommendation === undefined) return ' FMB anger ingen längd för diagnoserna.';
  return recommendation.maxDays === 0
    ? ` FMB rekommenderar ingen sjukskrivning för ${recommendation.code}.`
    : ` FMB rekommenderar högst ${countText(recommendation.maxDays, 'dag', 'dagar')} för ${recommendation.code}.`;
}

/**
 * The sick leave's check against FMB under FK 7804's periods: the total the backend counts
 * (the proposed periods and the patient's ongoing sick leave on the unit) and, when it is above
 * the largest recommendation over the diagnoses, a warning that does not stop signing.
 */
export function FmbSickLeaveCheck({
  definition,
  answers,
  certificateId,
}: GuidanceProps & { certificateId: string }) {
  const codes = diagnosisCodesOf(definition, answers);
  const periods = sickLeavePeriodsOf(definition, answers);
  const input = useSettled({ codes, periods }, JSON.stringify([codes, periods]));
  const check = useSickLeaveCheck(certificateId, input);
  const active = input.codes.length > 0 && input.periods.length > 0;
  const result = active ? check.data : undefined;

  return (
    <div className="fmb-check" role="status">
      {result?.warning !== undefined && (
        <MessageBox variant="warning" heading="Längre än FMB rekommenderar" headingLevel={3}>
          <p>{result.warning}</p>
          <p>Varningen hindrar inte signering. Källa: {result.source.name}.</p>
        </MessageBox>
      )}
      {result !== undefined && (
        <p className="fmb-check__total">
          Total sjukskrivningstid: {countText(result.totalDays, 'dag', 'dagar')}
          {result.ongoingDays > 0
            ? `, varav ${countText(result.ongoingDays, 'dag', 'dagar')} i tidigare intyg från vårdenheten`
            : ''}
          .{recommendationText(result.recommendation)}
        </p>
      )}
    </div>
  );
}
