import { diagnosisTextKey, normalizeDiagnosisCode, type DiagnosisTitles } from '../form-engine';
import type { RendererServices } from './types';

/** What the form knows of the code list now: the engine's two code-list hooks. */
export interface CodeListKnowledge {
  isKnownDiagnosisCode: (code: string) => boolean;
  diagnosisTitles: DiagnosisTitles;
}

/**
 * What the form has learnt about diagnosis codes from the backend's code list: a code a
 * search returned or a look-up found is known, with its official title; a code a look-up did
 * not find is unknown. The engine reads it, so an unknown code, or a description that is
 * another code's official title, blocks signing like any invalid answer; a code not yet looked
 * up is not held against the physician.
 */
export class KnownDiagnosisCodes {
  private readonly known = new Map<string, boolean>();
  private readonly titles = new Map<string, string>();
  private readonly codesByTitle = new Map<string, Set<string>>();
  private readonly listeners = new Set<() => void>();
  private knowledge: CodeListKnowledge = this.snapshot();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current knowledge; a new object whenever something new is learnt. */
  readonly getKnowledge = (): CodeListKnowledge => this.knowledge;

  /** Records what the code list said of codes; listeners hear once per call that taught anything. */
  record(entries: readonly { code: string; known: boolean; title?: string | undefined }[]): void {
    let learnt = false;
    for (const { code, known, title } of entries) {
      const key = normalizeDiagnosisCode(code);
      if (this.known.get(key) !== known) {
        this.known.set(key, known);
        learnt = true;
      }
      if (title !== undefined && this.titles.get(key) !== title) {
        this.titles.set(key, title);
        const titleKey = diagnosisTextKey(title);
        const codes = this.codesByTitle.get(titleKey) ?? new Set<string>();
        codes.add(key);
        this.codesByTitle.set(titleKey, codes);
        learnt = true;
      }
    }
    if (!learnt) return;
    this.knowledge = this.snapshot();
    for (const listener of this.listeners) listener();
  }

  private snapshot(): CodeListKnowledge {
    return {
      isKnownDiagnosisCode: (code) => this.known.get(normalizeDiagnosisCode(code)) !== false,
      diagnosisTitles: {
        titleOf: (code) => this.titles.get(normalizeDiagnosisCode(code)),
        codesTitled: (text) => [...(this.codesByTitle.get(diagnosisTextKey(text)) ?? [])],
      },
    };
  }

  /** The services, reporting every answer from the code list to this registry. */
  wrap(services: RendererServices): RendererServices {
    return {
      ...services,
      searchDiagnoses: async (query, signal) => {
        const results = await services.searchDiagnoses(query, signal);
        this.record(results.map(({ code, title }) => ({ code, known: true, title })));
        return results;
      },
      lookupDiagnosis: async (code, signal) => {
        const found = await services.lookupDiagnosis(code, signal);
        this.record([
          { code: found?.code ?? code, known: found !== undefined, title: found?.title },
        ]);
        return found;
      },
    };
  }
}
