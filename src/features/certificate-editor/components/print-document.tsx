import { useMemo } from 'react';
import { senderName, type Certificate } from '../../../contracts/certificates';
import { formatIdentityNumber } from '../../../contracts/identity-number';
import type { CertificateDefinition, EvaluationContext, Role } from '../../../form-engine';
import { PrintSheet, type PrintFact } from '../../../form-renderer';
import { signedReplacement } from '../../../lib/certificate-labels';
import { formatDate, formatDateTime } from '../../../lib/format';
import { nameWithTitle } from '../../../language/swedish';
import { describeConsent, describeConsentRecording } from './consent-summary';

type Props = {
  certificate: Certificate;
  definition: CertificateDefinition;
  /** The server's today: the print date, and the day the form's rules are read on. */
  today: string;
  role: Role;
};

/**
 * The care unit's print of a certificate or a draft: the print sheet with the patient, the
 * unit, the signing, the sending and the consent. A draft is marked on every line that matters
 * as a draft that must not be sent; a revoked certificate as revoked.
 */
export function PrintDocument({ certificate, definition, today, role }: Props) {
  const context: EvaluationContext = useMemo(
    () => ({
      today,
      role,
      consentRecorded: certificate.consent !== undefined,
      patient: { birthDate: certificate.patient.birthDate },
    }),
    [today, role, certificate.consent, certificate.patient.birthDate],
  );
  const KindWord = definition.kind === 'utlåtande' ? 'Utlåtandet' : 'Intyget';
  const kindWord = definition.kind === 'utlåtande' ? 'utlåtande' : 'intyg';
  const unsigned = certificate.signed === undefined;
  const replacedBy = signedReplacement(certificate.relations);
  const { patient, signed, sent, revoked, consent } = certificate;
  const patientLine = `${patient.name}, ${formatIdentityNumber(patient.identityNumber)}`;

  const stamps: string[] = [];
  if (unsigned && revoked === undefined) {
    stamps.push(
      `${certificate.status === 'locked-draft' ? 'Låst utkast' : 'Utkast'} – får inte skickas. Det här är inte ett signerat ${kindWord}.`,
    );
  }
  if (revoked !== undefined) {
    stamps.push(
      `Makulerat ${formatDate(revoked.at)}. ${unsigned ? 'Utkastet' : KindWord} gäller inte.`,
    );
  }
  if (replacedBy?.signedAt !== undefined && revoked === undefined) {
    stamps.push(`Ersatt ${formatDate(replacedBy.signedAt)} av ett nytt ${kindWord}.`);
  }

  const facts: PrintFact[] = [
    { term: 'Patient', detail: patientLine },
    { term: 'Vårdenhet', detail: certificate.unit.name },
    {
      term: 'Signerat',
      detail:
        signed === undefined
          ? 'Inte signerat'
          : `${formatDateTime(signed.at)} av ${nameWithTitle(signed.by.name, signed.by.title)}`,
    },
    {
      term: 'Skickat till Försäkringskassan',
      detail:
        sent === undefined ? 'Inte skickat' : `${formatDateTime(sent.at)} av ${senderName(sent)}`,
    },
    {
      term: 'Samtycke',
      detail:
        consent === undefined
          ? 'Samtycke till elektronisk överföring är inte registrerat.'
          : `${describeConsent(consent)} ${describeConsentRecording(consent)}`,
    },
  ];
  if (revoked !== undefined) {
    facts.push({
      term: 'Makulerat',
      detail: `${formatDateTime(revoked.at)} av ${revoked.by.name}${revoked.message === undefined ? '' : `: ${revoked.message}`}`,
    });
  }

  return (
    <PrintSheet
      definition={definition}
      answers={certificate.answers}
      context={context}
      variant={revoked !== undefined ? 'revoked' : unsigned ? 'draft' : 'signed'}
      stamps={stamps}
      facts={facts}
      footer={`Utskrivet ${formatDate(today)} från Intyga. ${definition.formNumber} · ${patientLine}${unsigned ? ' · Utkast – får inte skickas' : ''}`}
    />
  );
}
