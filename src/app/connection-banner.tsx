import { useOnline } from './connection';

/**
 * On every page while the browser is offline: that the connection is gone, that what was
 * asked for waits (TanStack Query holds queries and retries them once online) and that
 * nothing typed is lost (autosave keeps a backup in the browser). The live region is always
 * there, so that screen readers announce the message when it appears.
 */
export function ConnectionBanner() {
  const online = useOnline();
  return (
    <div className="connection-banner" role="status" data-offline={!online}>
      {!online && (
        <p>
          <strong>Ingen anslutning.</strong> Intyga fortsätter av sig själv när anslutningen är
          tillbaka. Det du skriver finns kvar.
        </p>
      )}
    </div>
  );
}
