import { Dialog } from '../../../components/ui/dialog';
import { formatDateTime } from '../../../lib/format';

type Props = {
  open: boolean;
  /** Who saved the newer version. */
  savedBy: string;
  /** Whether it was this user, in another tab or window. */
  byYou: boolean;
  savedAt: string;
  onReload: () => void;
  onClose: () => void;
};

/** Another user or tab saved first: say who, and let the user choose. Nothing is overwritten. */
export function ConflictDialog({ open, savedBy, byYou, savedAt, onReload, onClose }: Props) {
  return (
    <Dialog
      open={open}
      role="alertdialog"
      title={
        byYou
          ? 'Utkastet har ändrats i en annan flik eller ett annat fönster'
          : 'Utkastet har ändrats av någon annan'
      }
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button button--primary" onClick={onReload}>
            Ladda om utkastet
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Stäng
          </button>
        </>
      }
    >
      <p>
        {byYou
          ? `Du ändrade utkastet i en annan flik eller ett annat fönster ${formatDateTime(savedAt)}, efter att du öppnade det här.`
          : `Utkastet ändrades av ${savedBy} ${formatDateTime(savedAt)}, efter att du öppnade det.`}{' '}
        Dina senaste ändringar här har därför inte sparats, och ingenting har skrivits över.
      </p>
      <p>
        Ladda om utkastet för att se den sparade versionen och fortsätta därifrån. Det du har
        skrivit försvinner inte: dina osparade ändringar visas då ovanför formuläret, och du väljer
        själv om du vill använda dem.
      </p>
    </Dialog>
  );
}
