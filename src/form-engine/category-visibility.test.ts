import { describe, expect, it } from 'vitest';
import { evaluate, getCategoryDependencies, isCategoryVisible } from './evaluate';
import { SAMPLE_TODAY, sampleDefinition } from './testing/sample-definition';

const context = { today: SAMPLE_TODAY, role: 'physician' as const, consentRecorded: true };

describe('category visibility', () => {
  it('depends on exactly the answers its rule reads', () => {
    expect(getCategoryDependencies(sampleDefinition, 'KAT_2')).toEqual(['27']);
    expect(getCategoryDependencies(sampleDefinition, 'KAT_1')).toEqual([]);
  });

  it('agrees with evaluate', () => {
    for (const answers of [{}, { '27': true }]) {
      const result = evaluate(sampleDefinition, answers, context);
      for (const category of sampleDefinition.categories) {
        expect(isCategoryVisible(sampleDefinition, category.id, answers, context)).toBe(
          result.categories[category.id]?.visible,
        );
      }
    }
    expect(isCategoryVisible(sampleDefinition, 'KAT_2', { '27': true }, context)).toBe(false);
  });

  it('refuses an unknown category', () => {
    expect(() => getCategoryDependencies(sampleDefinition, 'NOPE')).toThrow('Unknown category');
  });
});
