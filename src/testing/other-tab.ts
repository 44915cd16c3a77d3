/** Every item of localStorage, as it is now. */
function snapshot(): Map<string, string> {
  const items = new Map<string, string>();
  for (let index = 0; index < window.localStorage.length; index += 1) {
    const key = window.localStorage.key(index);
    const value = key === null ? null : window.localStorage.getItem(key);
    if (key !== null && value !== null) items.set(key, value);
  }
  return items;
}

/**
 * Runs `action` as another tab of the same browser would: what it writes to localStorage
 * reaches this tab as the `storage` events a browser sends the other tabs (the tab that writes
 * gets none), one per key it changed.
 */
export async function asAnotherTab(action: () => unknown): Promise<void> {
  const before = snapshot();
  await action();
  const after = snapshot();
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const oldValue = before.get(key) ?? null;
    const newValue = after.get(key) ?? null;
    if (oldValue === newValue) continue;
    window.dispatchEvent(
      new StorageEvent('storage', { key, oldValue, newValue, storageArea: window.localStorage }),
    );
  }
}
