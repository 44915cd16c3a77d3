import type { Fault, ResetRequest, ScenarioName } from '../../src/contracts/testability';
import { seedCareUnits, defaultSessionSettings, seedPatients, seedUsers } from './seed-data';
import { seededAccountIdentityNumbers } from '../simulators/hosp';
import type { Database, Transaction } from '../store/store';
import { collectionNames, type SettingsRecord } from '../store/schema';

const scenarioFaults: Record<ScenarioName, Fault> = {
  standard: 'none',
  'server-error': 'server-error',
  'network-error': 'network-error',
  slow: 'slow',
  'signing-error': 'signing-error',
  dialogue: 'none',
};

/** Empties every collection and seeds the standard practice with the scenario's settings. */
export async function resetStore(
  tx: Transaction,
  scenario: ScenarioName,
  settings: NonNullable<ResetRequest['settings']> = {},
): Promise<void> {
  const record: SettingsRecord = {
    id: 'settings',
    scenario,
    fault: scenarioFaults[scenario],
    sessionIdleSeconds: settings.idleTimeoutSeconds ?? defaultSessionSettings.idleTimeoutSeconds,
    sessionWarningSeconds: settings.warningSeconds ?? defaultSessionSettings.warningSeconds,
    clockOffsetMs: 0,
  };
  // The settings first: they carry the fault, so a reset also ends a simulated storage fault.
  await tx.settings.clear();
  await tx.settings.put(record);
  for (const name of collectionNames) if (name !== 'settings') await tx[name].clear();
  for (const unit of seedCareUnits) await tx.careUnits.put(unit);
  for (const user of Object.values(seedUsers)) {
    // The physicians HOSP knows hold their identity number, so they cannot register again.
    const identityNumber = seededAccountIdentityNumbers.get(user.id);
    await tx.users.put(identityNumber === undefined ? user : { ...user, identityNumber });
  }
  for (const patient of Object.values(seedPatients)) await tx.patients.put(patient);
}

/** Seeds the standard scenario the first time the backend starts on an empty store. */
export async function ensureSeeded(db: Database): Promise<void> {
  await db.write(async (tx) => {
    const settings = await tx.settings.get('settings');
    if (settings === undefined) await resetStore(tx, 'standard');
  });
}
