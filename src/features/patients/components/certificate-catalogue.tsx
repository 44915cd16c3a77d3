import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CertificateTypeEntry } from '../../../contracts/certificates';
import { Dialog } from '../../../components/ui/dialog';
import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import { formatDate } from '../../../lib/format';
import { useCertificateCatalogue, useCreateCertificate } from '../api/certificate-catalogue';
import { useSetFavourite } from '../api/favourites';
import { FavouriteToggle, useVisitOrder } from './favourite-toggle';

type Props = {
  patientId: string;
  certificatePath: (certificateId: string) => string;
};

/** The types the user's role may write for the patient; creating one opens the new draft. */
export function CertificateCatalogue({ patientId, certificatePath }: Props) {
  const catalogue = useCertificateCatalogue(patientId, true);
  const create = useCreateCertificate();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState<CertificateTypeEntry | undefined>(undefined);
  const setFavourite = useSetFavourite(patientId);
  const types = useVisitOrder(catalogue.data?.types);

  const start = (entry: CertificateTypeEntry, confirmations?: string[]) => {
    create.mutate(
      { type: entry.type, patientId, ...(confirmations === undefined ? {} : { confirmations }) },
      {
        onSuccess: ({ certificate }) => {
          setConfirming(undefined);
          void navigate(certificatePath(certificate.id));
        },
      },
    );
  };

  if (catalogue.isPending) return <Loading label="Hämtar intygstyper…" />;
  if (catalogue.isError) {
    return (
      <MessageBox variant="error" heading="Intygstyperna kunde inte hämtas" live="alert">
        <p>{catalogue.error.message}</p>
      </MessageBox>
    );
  }
  const { blockedReason } = catalogue.data;
  if (blockedReason !== undefined) return <p>{blockedReason}</p>;
  if (types.length === 0) return <p>Din roll får inte skriva några intygstyper för patienten.</p>;

  return (
    <>
      {create.isError && (
        <MessageBox variant="error" heading="Utkastet kunde inte skapas" live="alert">
          <p>{create.error.message}</p>
        </MessageBox>
      )}
      {setFavourite.isError && (
        <MessageBox variant="error" heading="Favoriten kunde inte sparas" live="alert">
          <p>{setFavourite.error.message}</p>
        </MessageBox>
      )}
      <p className="catalogue__hint">
        Markera de intygstyper du använder mest som favoriter med stjärnan, så visas de först i
        listan nästa gång du öppnar den.
      </p>
      <ul className="catalogue">
        {types.map((entry) => (
          <CatalogueEntry
            key={entry.type}
            entry={entry}
            certificatePath={certificatePath}
            busy={create.isPending}
            onCreate={() =>
              entry.confirmation === undefined ? start(entry) : setConfirming(entry)
            }
            onFavourite={(favourite) => setFavourite.mutate({ type: entry.type, favourite })}
          />
        ))}
      </ul>
      {confirming?.confirmation !== undefined && (
        <CreateConfirmation
          entry={confirming}
          confirmation={confirming.confirmation}
          busy={create.isPending}
          onCancel={() => setConfirming(undefined)}
          onConfirm={(id) => start(confirming, [id])}
        />
      )}
    </>
  );
}

function kindWord(entry: CertificateTypeEntry): string {
  return entry.kind === 'utlåtande' ? 'Utlåtande' : 'Intyg';
}

function CatalogueEntry({
  entry,
  certificatePath,
  busy,
  onCreate,
  onFavourite,
}: {
  entry: CertificateTypeEntry;
  certificatePath: (id: string) => string;
  busy: boolean;
  onCreate: () => void;
  onFavourite: (favourite: boolean) => void;
}) {
  const headingId = useId();
  return (
    <li className="catalogue__entry" aria-labelledby={headingId}>
      <FavouriteToggle
        name={`${entry.formNumber} ${entry.name}`}
        pressed={entry.favourite === true}
        onToggle={onFavourite}
      />
      <div className="catalogue__text">
        <h3 className="catalogue__name" id={headingId}>
          {entry.formNumber} {entry.name}
        </h3>
        <p className="catalogue__kind">{kindWord(entry)}</p>
        <p className="catalogue__summary">{entry.summary}</p>
        {entry.existingDraft !== undefined && (
          <p className="catalogue__note">
            Patienten har redan ett utkast av den här typen, senast sparat{' '}
            {formatDate(entry.existingDraft.savedAt)}.{' '}
            <Link to={certificatePath(entry.existingDraft.id)}>
              Öppna utkastet ({entry.formNumber})
            </Link>
          </p>
        )}
        {entry.existingSigned !== undefined && (
          <p className="catalogue__note">
            Patienten har ett signerat {entry.kind === 'utlåtande' ? 'utlåtande' : 'intyg'} av den
            här typen från {formatDate(entry.existingSigned.signedAt)}.{' '}
            <Link to={certificatePath(entry.existingSigned.id)}>
              Visa det signerade ({entry.formNumber})
            </Link>
          </p>
        )}
      </div>
      <button
        type="button"
        className="button button--primary catalogue__create"
        disabled={busy}
        onClick={onCreate}
      >
        Skriv {entry.formNumber}
      </button>
    </li>
  );
}

function CreateConfirmation({
  entry,
  confirmation,
  busy,
  onCancel,
  onConfirm,
}: {
  entry: CertificateTypeEntry;
  confirmation: NonNullable<CertificateTypeEntry['confirmation']>;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (id: string) => void;
}) {
  const [checked, setChecked] = useState(false);
  const checkboxId = useId();
  return (
    <Dialog
      open
      title={confirmation.title}
      onClose={onCancel}
      footer={
        <>
          <button
            type="button"
            className="button button--primary"
            disabled={!checked || busy}
            onClick={() => onConfirm(confirmation.id)}
          >
            Skriv {entry.formNumber}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Avbryt
          </button>
        </>
      }
    >
      {confirmation.info !== undefined && <p>{confirmation.info}</p>}
      <p>{confirmation.text}</p>
      <div className="checkbox">
        <input
          id={checkboxId}
          className="checkbox__input"
          type="checkbox"
          checked={checked}
          onChange={(event) => setChecked(event.target.checked)}
        />
        <label className="checkbox__label" htmlFor={checkboxId}>
          {confirmation.checkboxLabel}
        </label>
      </div>
    </Dialog>
  );
}
