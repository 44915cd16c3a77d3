import { useController } from 'react-hook-form';
import type { z } from 'zod';
import type { Answers } from '../../form-engine';
import { useFormRuntime } from '../form-context';
import { afterPointerRelease } from '../pointer-release';

/**
 * A kind's value through react-hook-form: re-renders only this field. The stored value is
 * parsed with the kind's schema; a value of another shape reads as unanswered.
 */
export function useAnswer<T>(name: string, schema: z.ZodType<T>) {
  const { control } = useFormRuntime();
  const { field } = useController<Answers>({ name, control });
  const parsed = schema.safeParse(field.value);
  return {
    value: parsed.success ? parsed.data : undefined,
    rawValue: field.value,
    // A cleared answer is written as null: react-hook-form would show the loaded default
    // again for undefined. The engine reads null as unanswered and prunes it.
    onChange: (next: T | undefined) => field.onChange(next === undefined ? null : next),
    // Leaving the question shows its errors; wait until a click in progress has landed.
    onBlur: () => afterPointerRelease(field.onBlur),
  };
}
