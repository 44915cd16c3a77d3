import { useQueryClient } from '@tanstack/react-query';
import { useState, type ComponentType } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ConsentInput } from '../../../contracts/certificates';
import type { Thread, ThreadAction } from '../../../contracts/threads';
import { paths } from '../../../config/paths';
import { isApiFailure } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { complementCertificate } from '../api/threads';

/** The consent step the app gives the panel (the editor's consent dialog, for a complement). */
export type ConsentStepProps = {
  open: boolean;
  today: string;
  existing: undefined;
  purpose: 'complement';
  onRecord: (consent: ConsentInput) => Promise<void>;
  onClose: () => void;
};
export type ConsentStep = ComponentType<ConsentStepProps>;

type Props = {
  thread: Thread;
  action: ThreadAction;
  today: string;
  ConsentStep: ConsentStep;
};

/**
 * "Komplettera": the patient's consent to the complement first, then the complementing draft
 * opens. When one is already begun, the action leads to it instead.
 */
export function ComplementAction({ thread, action, today, ConsentStep }: Props) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const begun = thread.complementedBy?.status === 'draft' ? thread.complementedBy : undefined;

  if (begun !== undefined && action.enabled) {
    return (
      <Link className="button button--primary" to={paths.certificate(begun.certificateId)}>
        {action.label}
      </Link>
    );
  }

  const record = async (consent: ConsentInput) => {
    try {
      const { certificate } = await complementCertificate(thread.id, thread.version, consent);
      queryClient.setQueryData(queryKeys.certificate(certificate.id), { certificate });
      void queryClient.invalidateQueries({ queryKey: queryKeys.threads });
      setOpen(false);
      await navigate(paths.certificate(certificate.id));
    } catch (failure) {
      throw new Error(
        isApiFailure(failure) ? failure.message : 'Det gick inte att skapa kompletteringen.',
      );
    }
  };

  return (
    <>
      <button
        type="button"
        className="button button--primary"
        disabled={!action.enabled}
        onClick={() => setOpen(true)}
      >
        {action.label}
      </button>
      {open && (
        <ConsentStep
          open
          today={today}
          existing={undefined}
          purpose="complement"
          onRecord={record}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
