import { z } from 'zod';
import type { Answers } from './answer-values';

/**
 * What happens to the answers at signing, as data. FK 7800–7802: the Webcert support field
 * 1.4 (why the statement is not based on an examination) is put in front of Övriga
 * upplysningar with a prefix, because FK receives no field 1.4 of its own.
 */
export const signingTransformSchema = z.strictObject({
  type: z.literal('prependText'),
  /** A text answer that is moved (and removed from the signed answers). */
  from: z.string().regex(/^[0-9A-Za-z_]+$/),
  /** The text answer it is put in front of. */
  to: z.string().regex(/^[0-9A-Za-z_]+$/),
  prefix: z.string(),
});
export type SigningTransform = z.infer<typeof signingTransformSchema>;

/** The answers as signed: every transform applied in order, to a copy. */
export function applySigningTransforms(
  transforms: readonly SigningTransform[] | undefined,
  answers: Answers,
): Answers {
  let result: Answers = { ...answers };
  for (const transform of transforms ?? []) {
    const moved = result[transform.from];
    if (typeof moved !== 'string' || moved.trim() === '') continue;
    const target = result[transform.to];
    const existing = typeof target === 'string' && target.trim() !== '' ? `\n\n${target}` : '';
    result = Object.fromEntries(Object.entries(result).filter(([id]) => id !== transform.from));
    result[transform.to] = `${transform.prefix}${moved.trim()}${existing}`;
  }
  return result;
}
