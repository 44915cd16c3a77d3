import { Link } from 'react-router';
import type { Certificate } from '../../../contracts/certificates';
import { MessageBox } from '../../../components/ui/message-box';
import { paths } from '../../../config/paths';
import { signedReplacement } from '../../../lib/certificate-labels';
import { formatDate } from '../../../lib/format';

type Props = {
  certificate: Certificate;
  kind: 'intyg' | 'utlåtande';
};

/**
 * On a signed certificate: that a newer one replaces it, with a link to it; or, when the one
 * that replaced it has been revoked, that this one is the valid certificate again.
 */
export function ReplacementNotice({ certificate, kind }: Props) {
  if (certificate.status !== 'signed') return null;
  const { children } = certificate.relations;
  const words =
    kind === 'utlåtande'
      ? {
          the: 'Utlåtandet',
          a: 'ett nytt utlåtande',
          theNew: 'det nya utlåtandet',
          that: 'Det utlåtande',
          this: 'det här utlåtandet',
        }
      : {
          the: 'Intyget',
          a: 'ett nytt intyg',
          theNew: 'det nya intyget',
          that: 'Det intyg',
          this: 'det här intyget',
        };
  const replacement = signedReplacement(certificate.relations);
  if (replacement !== undefined) {
    return (
      <MessageBox variant="warning" heading={`${words.the} är ersatt`}>
        <p>
          {words.the} har ersatts av {words.a}
          {replacement.signedAt === undefined
            ? ''
            : `, signerat ${formatDate(replacement.signedAt)}`}
          . Det är {words.theNew} som gäller.
        </p>
        <p>
          <Link to={paths.certificate(replacement.certificateId)}>Öppna {words.theNew}</Link>
        </p>
      </MessageBox>
    );
  }
  const revokedReplacement = children.some(
    (child) => child.type === 'replaces' && child.status === 'revoked',
  );
  if (!revokedReplacement) return null;
  return (
    <MessageBox variant="info" heading={`${words.the} gäller igen`}>
      <p>
        {words.that} som ersatte {words.this} har makulerats. {words.the} gäller därför igen.
      </p>
    </MessageBox>
  );
}
