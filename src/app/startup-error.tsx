import { ReloadButton } from '../components/ui/reload-button';
type Props = { detail: string };

/** Shown when the embedded backend cannot start: what happened, why, and what to do. */
export function StartupError({ detail }: Props) {
  return (
    <main id="main" className="app-main startup-error">
      <h1>Intyga kunde inte starta</h1>
      <p>
        Intygas inbyggda server körs i webbläsaren som en så kallad service worker, och den gick
        inte att starta. Det beror oftast på att webbläsaren blockerar service workers (till exempel
        i privat läge eller genom en inställning), eller att sidan inte har öppnats via https eller
        http://localhost.
      </p>
      <p>Öppna Intyga i ett vanligt webbläsarfönster via http://localhost och försök igen.</p>
      <p className="startup-error__detail">Tekniskt fel: {detail}</p>
      <ReloadButton />
    </main>
  );
}
