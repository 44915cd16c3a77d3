import { z } from 'zod';

const envSchema = z.object({
  /** 'on' (default): the embedded MSW backend answers /api in the browser. */
  VITE_MOCK_BACKEND: z.enum(['on', 'off']).default('on'),
});

const raw: Record<string, unknown> = import.meta.env;
const parsed = envSchema.parse({ VITE_MOCK_BACKEND: raw.VITE_MOCK_BACKEND });

export const env = {
  mockBackend: parsed.VITE_MOCK_BACKEND === 'on',
} as const;
