import { createContext, use } from 'react';
import type { Control } from 'react-hook-form';
import type { Answers, CertificateDefinition, EvaluationContext } from '../form-engine';
import type { RendererServices } from './types';

export interface FormRuntime {
  definition: CertificateDefinition;
  context: EvaluationContext;
  services: RendererServices;
  /** The form's react-hook-form control (stable for the form's life). */
  control: Control<Answers>;
  /**
   * This form instance's prefix for every DOM id it makes (two forms can share a page);
   * see fieldDomId.
   */
  idPrefix: string;
  /** Show every question's errors, not only those the user has left (after "what is missing"). */
  showAllErrors: boolean;
  /** FK's complement instructions per question id (a complementing certificate's). */
  requests: ReadonlyMap<string, readonly string[]>;
}

export const FormRuntimeContext = createContext<FormRuntime | null>(null);

export function useFormRuntime(): FormRuntime {
  const runtime = use(FormRuntimeContext);
  if (runtime === null) throw new Error('useFormRuntime outside <CertificateForm>');
  return runtime;
}
