import type { RendererServices } from './types';

/**
 * What the form has learnt about diagnosis codes from the backend's code list: a code a
 * search returned or a look-up found is known; a code a look-up did not find is unknown.
 * The engine's `isKnownDiagnosisCode` reads it, so an unknown code blocks signing like any
 * invalid answer; a code not yet looked up is not held against the physician.
 */
export class KnownDiagnosisCodes {
  private readonly known = new Map<string, boolean>();
  private readonly listeners = new Set<() => void>();
  private isKnownNow: (code: string) => boolean = (code) =>
    this.known.get(code.toUpperCase()) !== false;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current judgement; a new function whenever something new is learnt. */
  readonly getIsKnown = (): ((code: string) => boolean) => this.isKnownNow;

  record(code: string, known: boolean): void {
    const key = code.toUpperCase();
    if (this.known.get(key) === known) return;
    this.known.set(key, known);
    this.isKnownNow = (candidate) => this.known.get(candidate.toUpperCase()) !== false;
    for (const listener of this.listeners) listener();
  }

  /** The services, reporting every answer from the code list to this registry. */
  wrap(services: RendererServices): RendererServices {
    return {
      ...services,
      searchDiagnoses: async (query, signal) => {
        const results = await services.searchDiagnoses(query, signal);
        for (const result of results) this.record(result.code, true);
        return results;
      },
      lookupDiagnosis: async (code, signal) => {
        const found = await services.lookupDiagnosis(code, signal);
        this.record(found?.code ?? code, found !== undefined);
        return found;
      },
    };
  }
}
