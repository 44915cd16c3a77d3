import { createPortal } from 'react-dom';
import type { Answers, CertificateDefinition, EvaluationContext } from '../form-engine';
import { CertificateView } from './certificate-view';

export interface PrintFact {
  term: string;
  detail: string;
}

type Props = {
  definition: CertificateDefinition;
  answers: Answers;
  context: EvaluationContext;
  /** A draft and a revoked certificate print marked as such on every page. */
  variant: 'signed' | 'draft' | 'revoked';
  /** Boxed lines under the title: "Utkast – får inte skickas", "Makulerat …", "Ersatt …". */
  stamps: readonly string[];
  /** Who, where and when: the patient, the care unit, the signing, the sending, … */
  facts: readonly PrintFact[];
  footer: string;
};

const variantClass = {
  signed: 'print-document',
  draft: 'print-document print-document--draft',
  revoked: 'print-document print-document--revoked',
} as const;

/**
 * A certificate as paper: what the browser prints. It is rendered beside the app (a portal
 * on the body) and shown only in print, where the app itself is hidden (see the print CSS).
 * The care unit's and the patient's print layouts both draw on it.
 */
export function PrintSheet(props: Props) {
  return createPortal(<PrintPages {...props} />, document.body);
}

function PrintPages({ definition, answers, context, variant, stamps, facts, footer }: Props) {
  return (
    <div className={variantClass[variant]}>
      <header className="print-document__header">
        <p className="print-document__form">
          {definition.formNumber} · {definition.kind === 'utlåtande' ? 'Utlåtande' : 'Intyg'}
        </p>
        <h1 className="print-document__title">{definition.name}</h1>
        {stamps.map((stamp) => (
          <p key={stamp} className="print-document__stamp">
            {stamp}
          </p>
        ))}
      </header>
      <dl className="print-document__facts">
        {facts.map((fact) => (
          <div key={fact.term}>
            <dt>{fact.term}</dt>
            <dd>{fact.detail}</dd>
          </div>
        ))}
      </dl>
      <CertificateView definition={definition} answers={answers} context={context} />
      <footer className="print-document__footer">
        <p>{footer}</p>
      </footer>
    </div>
  );
}
