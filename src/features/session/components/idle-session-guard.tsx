import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SessionSettings } from '../../../contracts/session';
import { Dialog } from '../../../components/ui/dialog';
import { getSecondsLeft, keepAlive } from '../api/session-time';
import {
  getLastSessionActivity,
  recordSessionActivity,
  subscribeToSessionActivity,
} from '../session-activity';

type Props = {
  settings: SessionSettings;
  onLogout: () => void;
};

function formatCountdown(seconds: number): string {
  if (seconds >= 60) {
    const minutes = Math.floor(seconds / 60);
    const rest = seconds % 60;
    return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
  }
  return `${seconds} sekunder`;
}

/**
 * Warns before an idle session ends and lets the user stay. The server decides: before
 * warning it asks how much time is left (another tab may have kept the session alive),
 * and when the time is up its refusal (401) sends the app to the "session expired" page.
 * Keyboard and pointer use count as activity, at most once per throttle interval.
 */
export function IdleSessionGuard({ settings, onLogout }: Props) {
  const { idleTimeoutSeconds, warningSeconds } = settings;
  const lastActivity = useSyncExternalStore(subscribeToSessionActivity, getLastSessionActivity);
  // The activity a warning was raised for: new activity ends the warning by itself.
  const [warnedFor, setWarnedFor] = useState<number | null>(null);
  const warning = warnedFor === lastActivity;
  const [now, setNow] = useState(() => Date.now());
  const expiresAt = lastActivity + idleTimeoutSeconds * 1000;

  // Schedule the warning (or the final check) from the last activity.
  useEffect(() => {
    let cancelled = false;
    const warnAt = expiresAt - warningSeconds * 1000;
    const timer = window.setTimeout(
      () => {
        getSecondsLeft()
          .then((left) => {
            if (cancelled) return;
            if (left > warningSeconds) {
              // Someone kept the session alive elsewhere: follow the server's clock.
              recordSessionActivity(Date.now() - (idleTimeoutSeconds - left) * 1000);
              return;
            }
            setNow(Date.now());
            setWarnedFor(lastActivity);
          })
          .catch(() => {
            // A refused session is handled by the API client's 401 handling.
          });
      },
      Math.max(0, warnAt - Date.now()),
    );
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [expiresAt, lastActivity, idleTimeoutSeconds, warningSeconds]);

  // Countdown while warning; at zero, ask the server, which ends the session.
  useEffect(() => {
    if (!warning) return undefined;
    const interval = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= expiresAt) {
        window.clearInterval(interval);
        // The server ends the session (401 → the expired page), or says how long it
        // still has: then follow its clock.
        getSecondsLeft()
          .then((left) => recordSessionActivity(Date.now() - (idleTimeoutSeconds - left) * 1000))
          .catch(() => undefined);
      }
    }, 1000);
    return () => window.clearInterval(interval);
  }, [warning, expiresAt, idleTimeoutSeconds]);

  // User activity keeps the session alive (not while the warning asks for a decision).
  useEffect(() => {
    if (warning) return undefined;
    const throttleMs = Math.min(60, idleTimeoutSeconds / 4) * 1000;
    const onActivity = () => {
      if (Date.now() - getLastSessionActivity() > throttleMs) {
        keepAlive().catch(() => {
          // A refused session is handled by the API client's 401 handling.
        });
      }
    };
    window.addEventListener('keydown', onActivity);
    window.addEventListener('pointerdown', onActivity);
    return () => {
      window.removeEventListener('keydown', onActivity);
      window.removeEventListener('pointerdown', onActivity);
    };
  }, [warning, idleTimeoutSeconds]);

  const secondsLeft = Math.max(0, Math.ceil((expiresAt - now) / 1000));

  return (
    <Dialog
      open={warning}
      role="alertdialog"
      title="Du loggas snart ut"
      onClose={() => {
        void keepAlive().catch(() => undefined);
      }}
      footer={
        <>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void keepAlive().catch(() => undefined)}
          >
            Fortsätt vara inloggad
          </button>
          <button type="button" className="button button--secondary" onClick={onLogout}>
            Logga ut
          </button>
        </>
      }
    >
      <p>
        Du har inte varit aktiv på en stund. Av säkerhetsskäl loggas du ut om{' '}
        <strong>{formatCountdown(secondsLeft)}</strong>.
      </p>
    </Dialog>
  );
}
