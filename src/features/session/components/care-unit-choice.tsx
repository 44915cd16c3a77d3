import { Loading } from '../../../components/ui/loading';
import { MessageBox } from '../../../components/ui/message-box';
import { formatNumber } from '../../../language/swedish';
import { useCareUnitChoices, useChooseCareUnit } from '../api/care-units';

type Props = { onChosen?: () => void };

/**
 * The user's care units to choose from, each with its waiting questions and unsigned drafts
 * for this user (as the header's badges count them); the current one is marked.
 */
export function CareUnitChoice({ onChosen }: Props) {
  const choices = useCareUnitChoices();
  const choose = useChooseCareUnit();
  if (choices.isPending) return <Loading label="Hämtar dina vårdenheter…" />;
  if (choices.isError) {
    return (
      <MessageBox variant="error" heading="Vårdenheterna kunde inte visas" live="alert">
        <p>{choices.error.message}</p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void choices.refetch()}
        >
          Försök igen
        </button>
      </MessageBox>
    );
  }
  const { units, currentUnitHsaId } = choices.data;
  return (
    <>
      {choose.isError && (
        <MessageBox variant="error" heading="Vårdenheten kunde inte väljas" live="alert">
          <p>{choose.error.message}</p>
        </MessageBox>
      )}
      <ul className="login-options" aria-label="Vårdenheter">
        {units.map(({ unit, counts }) => {
          const current = unit.hsaId === currentUnitHsaId;
          return (
            <li key={unit.hsaId}>
              <button
                type="button"
                className="login-option"
                aria-current={current ? 'true' : undefined}
                disabled={choose.isPending}
                onClick={() => {
                  if (current) {
                    onChosen?.();
                    return;
                  }
                  choose.mutate({ unitHsaId: unit.hsaId }, { onSuccess: () => onChosen?.() });
                }}
              >
                <span className="login-option__name">
                  {unit.name}
                  {current ? ' (nuvarande)' : ''}
                </span>
                <span className="login-option__detail">
                  {unit.postalAddress}, {unit.postcode} {unit.city}
                </span>
                <span className="login-option__detail">
                  Ej hanterade ärenden: {formatNumber(counts.unhandledThreads)}
                </span>
                <span className="login-option__detail">
                  Ej signerade utkast: {formatNumber(counts.unsignedDrafts)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
