import { lazy, Suspense } from 'react';
import type { GuidanceProps, RendererServices } from '../../../form-renderer';

/**
 * FMB in the editor: the panel under the diagnoses and the check under FK 7804's sick-leave
 * periods. Both are chunks of their own, loaded when a form of the sick-leave family opens.
 */
const FmbPanel = lazy(async () => ({ default: (await import('./fmb-panel')).FmbPanel }));
const FmbSickLeaveCheck = lazy(async () => ({
  default: (await import('./fmb-sick-leave-check')).FmbSickLeaveCheck,
}));

function DiagnosesGuidance(props: GuidanceProps) {
  return (
    <Suspense fallback={null}>
      <FmbPanel {...props} />
    </Suspense>
  );
}

/** The guidance a certificate's form shows, for a definition whose policy asks for FMB. */
export function fmbGuidanceFor(certificateId: string): NonNullable<RendererServices['guidance']> {
  function SickLeaveGuidance(props: GuidanceProps) {
    return (
      <Suspense fallback={null}>
        <FmbSickLeaveCheck {...props} certificateId={certificateId} />
      </Suspense>
    );
  }
  return { diagnoses: DiagnosesGuidance, sickLeavePeriods: SickLeaveGuidance };
}

/** FMB's warning on the sick leave now on screen, for the signing dialog (none if it fails). */
export async function fmbWarningFor(
  certificateId: string,
  props: Omit<GuidanceProps, 'questionId'>,
): Promise<string | undefined> {
  const { checkSickLeave, diagnosisCodesOf, sickLeavePeriodsOf } = await import('./fmb-api');
  const codes = diagnosisCodesOf(props.definition, props.answers);
  const periods = sickLeavePeriodsOf(props.definition, props.answers);
  if (codes.length === 0 || periods.length === 0) return undefined;
  try {
    return (await checkSickLeave(certificateId, { codes, periods })).warning;
  } catch {
    // The warning never blocks signing; without an answer, signing goes on without it.
    return undefined;
  }
}
