import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { EvaluationContext, Role } from '../../../form-engine';
import { CertificateForm, NoticeList } from '../../../form-renderer';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import { todayIso } from '../../../lib/today';
import type { CertificateTypeCode } from '../../../definitions';
import { useDefinition } from '../../../services/get-definition';
import { rendererServices } from '../../../services/diagnosis-services';

type Props = { code: CertificateTypeCode; indexPath: string; role: Role };

/** One definition rendered with empty answers: try a definition without a patient or a draft. */
export function GalleryForm({ code, indexPath, role }: Props) {
  const definition = useDefinition(code);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [consentRecorded, setConsentRecorded] = useState(false);
  const context: EvaluationContext = useMemo(
    () => ({ today: todayIso(), role, consentRecorded }),
    [role, consentRecorded],
  );
  useEffect(() => {
    if (definition.isSuccess) headingRef.current?.focus();
  }, [definition.isSuccess]);

  if (definition.isPending) return <Loading label="Hämtar definitionen…" />;
  if (definition.isError) {
    return (
      <MessageBox variant="error" heading="Definitionen kunde inte läsas" live="alert">
        <p>{definition.error.message}</p>
        <Link to={indexPath}>Tillbaka till galleriet</Link>
      </MessageBox>
    );
  }
  const { data } = definition;
  return (
    <div className="gallery-form">
      <p>
        <Link to={indexPath}>Tillbaka till galleriet</Link>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        {data.formNumber} {data.name}
      </h1>
      <p className="gallery-form__meta">
        {data.kind === 'utlåtande' ? 'Utlåtande' : 'Intyg'} · version {data.version} · mottagare{' '}
        {data.recipient}
      </p>
      <div className="checkbox gallery-form__consent">
        <input
          id="gallery-consent"
          className="checkbox__input"
          type="checkbox"
          checked={consentRecorded}
          onChange={(event) => setConsentRecorded(event.target.checked)}
        />
        <label className="checkbox__label" htmlFor="gallery-consent">
          Patientens samtycke är registrerat (prövning)
        </label>
      </div>
      <CertificateForm
        key={data.code}
        definition={data}
        context={context}
        services={rendererServices}
        onConsent={() => document.getElementById('gallery-consent')?.focus()}
        actions={(evaluation) => {
          const later = evaluation.notices.filter(
            (notice) => (notice.placement ?? 'draft') !== 'draft',
          );
          if (later.length === 0) return null;
          return (
            <section className="gallery-form__later" aria-labelledby="gallery-later-heading">
              <h2 id="gallery-later-heading" className="readiness__heading">
                Meddelanden vid signering och sändning
              </h2>
              <NoticeList notices={later} />
            </section>
          );
        }}
      />
    </div>
  );
}
