import { z } from 'zod';

/**
 * A value this browser kept as JSON (localStorage), read back through its schema like any
 * boundary: undefined when there is none, when it is not JSON, or when it is not what the
 * schema says (another version of the app wrote it, or someone edited it).
 */
export function parseStoredJson<S extends z.ZodType>(
  schema: S,
  raw: string | null,
): z.output<S> | undefined {
  if (raw === null) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = z.safeParse(schema, json);
  return parsed.success ? parsed.data : undefined;
}
