import type { Session } from '../../../contracts/session';
import { SwitchCareUnit } from './switch-care-unit';

type Props = { session: Session; onLogout: () => void; loggingOut: boolean };

/** Who is logged in, in which role and at which care unit, and the way out. */
export function SessionHeader({ session, onLogout, loggingOut }: Props) {
  const { user, unit } = session;
  return (
    <div className="session-header">
      <dl className="session-header__facts">
        <div>
          <dt className="sr-only">Inloggad som</dt>
          <dd className="session-header__name">{user.name}</dd>
        </div>
        <div>
          <dt className="sr-only">Roll</dt>
          <dd>{user.title}</dd>
        </div>
        <div>
          <dt className="sr-only">Vårdenhet</dt>
          <dd>{unit.name}</dd>
        </div>
      </dl>
      <SwitchCareUnit />
      <button
        type="button"
        className="button button--secondary button--small session-header__logout"
        onClick={onLogout}
        disabled={loggingOut}
      >
        Logga ut
      </button>
    </div>
  );
}
