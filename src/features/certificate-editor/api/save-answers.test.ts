import { describe, expect, it } from 'vitest';
import { opaqueIdSchema } from '../../../contracts/common';
import { saveDraftRequestSchema } from '../../../contracts/certificates';
import { newEditorId } from './save-answers';

describe("an editor's id", () => {
  it('is an opaque id the save request accepts, new for every editor', () => {
    const first = newEditorId();
    expect(opaqueIdSchema.safeParse(first).success).toBe(true);
    expect(
      saveDraftRequestSchema.safeParse({ version: 1, answers: {}, editorId: first }).success,
    ).toBe(true);
    expect(newEditorId()).not.toBe(first);
  });
});
