import { beforeAll, describe, expect, it } from 'vitest';
import { searchDiagnoses, type DiagnosisSearchIndex } from './diagnosis-search';
import { diagnosisDataFromDisk } from './load-icd10-node';
import { isExpected, RELEVANCE_SET, type RelevanceCase } from './relevance-set';

let index: DiagnosisSearchIndex;

beforeAll(async () => {
  index = await diagnosisDataFromDisk.search();
});

/** The position (1-based) of the first expected code among the hits, or undefined. */
function rankOf(relevanceCase: RelevanceCase): number | undefined {
  const hits = searchDiagnoses(index, relevanceCase.query);
  const position = hits.findIndex((hit) => isExpected(relevanceCase, hit.code));
  return position === -1 ? undefined : position + 1;
}

describe('the relevance set', () => {
  it('has at least 40 queries from every source', () => {
    expect(RELEVANCE_SET.length).toBeGreaterThanOrEqual(40);
    const sources = new Set(RELEVANCE_SET.map((relevanceCase) => relevanceCase.source));
    expect([...sources].sort()).toEqual(['FMB', 'ICD-10-SE', 'KSH97-P', 'issue 22']);
    const queries = RELEVANCE_SET.map((relevanceCase) => relevanceCase.query);
    expect(new Set(queries).size).toBe(queries.length);
  });

  it('finds an expected code among the first three hits of every query, first where required', () => {
    const ranks = RELEVANCE_SET.map((relevanceCase) => ({
      query: relevanceCase.query,
      first: relevanceCase.first === true,
      rank: rankOf(relevanceCase),
    }));
    const count = ranks.length;
    const hitAt = (k: number) => ranks.filter(({ rank }) => rank !== undefined && rank <= k).length;
    console.info(
      `Diagnosis search relevance: ${String(count)} queries, ` +
        `hit@1 ${String(hitAt(1))}/${String(count)} (${((100 * hitAt(1)) / count).toFixed(0)} %), ` +
        `hit@3 ${String(hitAt(3))}/${String(count)} (${((100 * hitAt(3)) / count).toFixed(0)} %); ` +
        `not first: ${
          ranks
            .filter(({ rank }) => rank !== 1)
            .map(
              ({ query, rank }) =>
                `"${query}" (${rank === undefined ? 'not found' : String(rank)})`,
            )
            .join(', ') || 'none'
        }`,
    );
    const missed = ranks.filter(({ rank }) => rank === undefined || rank > 3);
    const notFirst = ranks.filter(({ first, rank }) => first && rank !== 1);
    expect(missed).toEqual([]);
    expect(notFirst).toEqual([]);
  });
});
