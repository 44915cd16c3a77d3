import { useTrainingEnvironment } from '../lib/environment';

/**
 * On every page of a training environment (the backend offers simulated log-ins): a short
 * notice, in words and not by colour alone, that the log-in is simulated and the data made up.
 * It is a landmark of its own so that screen reader users find it with the page's regions.
 */
export function TrainingNotice() {
  const training = useTrainingEnvironment();
  if (!training) return null;
  return (
    <aside className="training-notice" aria-label="Övningsmiljö">
      <p>
        <strong>Övningsmiljö</strong> – inloggningen är simulerad och uppgifterna är påhittade.
        Använd inte riktiga patientuppgifter.
      </p>
    </aside>
  );
}
