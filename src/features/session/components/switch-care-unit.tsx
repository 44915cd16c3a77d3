import { useState } from 'react';
import { Dialog } from '../../../components/ui/dialog';
import { useCareUnitChoices } from '../api/care-units';
import { CareUnitChoice } from './care-unit-choice';

/**
 * "Byt vårdenhet" in the header, for a user with assignments at several care units: the same
 * choice as after log-in, with the same counts, in a dialog.
 */
export function SwitchCareUnit() {
  const choices = useCareUnitChoices();
  const [open, setOpen] = useState(false);
  if ((choices.data?.units.length ?? 0) < 2) return null;
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          void choices.refetch();
          setOpen(true);
        }}
      >
        Byt vårdenhet
      </button>
      <Dialog
        open={open}
        title="Byt vårdenhet"
        onClose={() => setOpen(false)}
        footer={
          <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
            Avbryt
          </button>
        }
      >
        <p>Välj den vårdenhet du vill arbeta på.</p>
        {open && <CareUnitChoice onChosen={() => setOpen(false)} />}
      </Dialog>
    </>
  );
}
