import { z } from 'zod';
import { sessionSettingsSchema } from './session';

/**
 * Named scenarios a tester can reset the embedded backend to. Each seeds the standard
 * practice; the fault scenarios also make every other API call fail in that way.
 */
export const scenarioNames = ['standard', 'server-error', 'network-error', 'slow'] as const;
export const scenarioNameSchema = z.enum(scenarioNames);
export type ScenarioName = z.infer<typeof scenarioNameSchema>;

export const resetRequestSchema = z.object({
  scenario: scenarioNameSchema.default('standard'),
  settings: sessionSettingsSchema.partial().optional(),
});
export type ResetRequest = z.input<typeof resetRequestSchema>;

export const resetResponseSchema = z.object({ scenario: scenarioNameSchema });
