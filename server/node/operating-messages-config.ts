import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import {
  operatingMessageListSchema,
  type OperatingMessage,
} from '../../src/contracts/operating-messages';

/**
 * The operator's messages (driftmeddelanden) from the server's configuration:
 * `INTYGA_OPERATING_MESSAGES` names a JSON file `{ "messages": [ { "id", "severity":
 * "information" | "warning" | "fault", "text", "startsAt", "endsAt" } ] }` (times in ISO 8601
 * with an offset). Read and checked once at start: a file that is missing or malformed stops
 * the server with a Swedish message naming what is wrong. Unset: no messages.
 */

export const operatingMessagesVariable = 'INTYGA_OPERATING_MESSAGES';

const fileSchema = z.strictObject({ messages: operatingMessageListSchema });

export type OperatingMessagesConfig =
  { ok: true; messages: readonly OperatingMessage[] } | { ok: false; message: string };

/** Checks the file's text; `name` is how the message names the file. */
export function parseOperatingMessages(text: string, name: string): OperatingMessagesConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: `${name} är inte giltig JSON.` };
  }
  const parsed = fileSchema.safeParse(json);
  if (parsed.success) return { ok: true, messages: parsed.data.messages };
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? '' : ` (${issue.path.join('.')})`;
  return {
    ok: false,
    message: `${name} har fel format${where}: ${issue?.message ?? 'okänt fel'}`,
  };
}

/** The configured messages, or a Swedish message naming what is wrong. */
export async function readOperatingMessages(
  environment: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Promise<OperatingMessagesConfig> {
  const file = environment[operatingMessagesVariable];
  if (file === undefined || file === '') return { ok: true, messages: [] };
  const path = resolve(cwd, file);
  const name = `${operatingMessagesVariable} (${path})`;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { ok: false, message: `${name} går inte att läsa.` };
  }
  return parseOperatingMessages(text, name);
}
