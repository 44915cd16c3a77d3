/**
 * The diagnosis search's relevance set: what physicians type, and the codes that answer it,
 * taken from the sources rather than from the search's answers:
 * - `KSH97-P`: a term of Socialstyrelsen's synonym list and the code it stands under
 *   (public/data/ksh97p-synonyms.tsv, `M779P Hälsporre` → M77.9), often typed as a
 *   physician types it (lower case, without å, ä and ö, the start of a word);
 * - `FMB`: the heading of an FMB diagnosis document, the words sick-leave guidance uses,
 *   and the codes that document lists (server/domain/fmb/data/fmb-diagnoses.tsv);
 * - `ICD-10-SE`: a word of the official title (public/data/icd10se.tsv), as typed;
 * - `issue 22`: the examples of the issue that asked for this search.
 * The relevance test (`diagnosis-search.relevance.test.ts`) asserts that an expected code is
 * among the first three hits of each, and the benchmark times the queries.
 */

export interface RelevanceCase {
  /** What the physician types. */
  readonly query: string;
  /** The codes that answer it: a code ("M750"), or a category and every code under it ("F32*"). */
  readonly expected: readonly string[];
  /** The first hit must be one of them, not only one of the first three. */
  readonly first?: true;
  readonly source: 'issue 22' | 'KSH97-P' | 'FMB' | 'ICD-10-SE';
}

export const RELEVANCE_SET: readonly RelevanceCase[] = [
  // The examples.
  { query: 'utmattning', expected: ['F438A'], first: true, source: 'issue 22' },
  { query: 'depression', expected: ['F32*', 'F33*'], first: true, source: 'issue 22' },
  { query: 'frusen skuldra', expected: ['M750'], source: 'issue 22' },
  { query: 'hälsporre', expected: ['M779'], source: 'issue 22' },

  // KSH97-P's synonyms: the words primary care uses.
  { query: 'halsporre', expected: ['M779'], source: 'KSH97-P' },
  { query: 'ryggskott', expected: ['M545'], source: 'KSH97-P' },
  { query: 'lumbago', expected: ['M545'], source: 'KSH97-P' },
  { query: 'ischias', expected: ['M543'], source: 'KSH97-P' },
  { query: 'tennisarmbåge', expected: ['M771'], source: 'KSH97-P' },
  { query: 'tennisarm', expected: ['M771'], source: 'KSH97-P' },
  { query: 'whiplash', expected: ['S134'], source: 'KSH97-P' },
  { query: 'kol', expected: ['J449'], source: 'KSH97-P' },
  { query: 'migrän', expected: ['G43*'], source: 'KSH97-P' },
  { query: 'halsfluss', expected: ['J03*'], source: 'KSH97-P' },
  { query: 'förkylning', expected: ['J06*'], source: 'KSH97-P' },
  { query: 'influensa', expected: ['J11*'], source: 'KSH97-P' },
  { query: 'blodbrist', expected: ['D64*'], source: 'KSH97-P' },
  { query: 'zoster', expected: ['B02*'], source: 'KSH97-P' },
  { query: 'hudsvamp', expected: ['B359'], source: 'KSH97-P' },
  { query: 'ringorm', expected: ['B359'], source: 'KSH97-P' },
  { query: 'mjolksockerintolerans', expected: ['E73*'], source: 'KSH97-P' },
  { query: 'hyperkolesterolemi', expected: ['E78*'], source: 'KSH97-P' },
  { query: 'morbus crohn', expected: ['K50*'], source: 'KSH97-P' },
  { query: 'ablatio', expected: ['H33*'], source: 'KSH97-P' },
  { query: 'klimakteriebesvär', expected: ['N959'], source: 'KSH97-P' },
  { query: 'stressreaktion', expected: ['F439'], source: 'KSH97-P' },
  { query: 'sömnstörning', expected: ['F51*'], source: 'KSH97-P' },
  { query: 'alkoholproblem', expected: ['F109'], source: 'KSH97-P' },
  { query: 'ulcus ventriculi', expected: ['K25*'], source: 'KSH97-P' },
  { query: 'tungband', expected: ['Q381'], source: 'KSH97-P' },
  { query: 'hemiplegi', expected: ['G81*'], source: 'KSH97-P' },
  { query: 'sle', expected: ['M359'], source: 'KSH97-P' },

  // FMB's headings: the sick-leave diagnoses.
  { query: 'karpaltunnelsyndrom', expected: ['G560'], source: 'FMB' },
  { query: 'knäartros', expected: ['M17*'], source: 'FMB' },
  { query: 'hoftartros', expected: ['M16*'], source: 'FMB' },
  { query: 'förmaksflimmer', expected: ['I48*'], source: 'FMB' },
  { query: 'hjärtsvikt', expected: ['I50*'], source: 'FMB' },
  { query: 'astma', expected: ['J45*', 'J46*'], source: 'FMB' },
  { query: 'gikt', expected: ['M10*'], source: 'FMB' },
  { query: 'paniksyndrom', expected: ['F410'], source: 'FMB' },
  { query: 'generaliserat ångestsyndrom', expected: ['F411'], source: 'FMB' },
  { query: 'social fobi', expected: ['F401'], source: 'FMB' },
  { query: 'akut stressreaktion', expected: ['F430'], source: 'FMB' },
  { query: 'anpassningsstörning', expected: ['F432'], source: 'FMB' },
  { query: 'posttraumatiskt stressyndrom', expected: ['F431'], source: 'FMB' },
  { query: 'bröstcancer', expected: ['C50*'], source: 'FMB' },
  { query: 'prostatacancer', expected: ['C61*'], source: 'FMB' },
  { query: 'diabetes typ 2', expected: ['E11*'], source: 'FMB' },
  { query: 'hypertoni', expected: ['I10*'], source: 'FMB' },
  { query: 'distal radiusfraktur', expected: ['S525'], source: 'FMB' },
  { query: 'lumbago-ischias', expected: ['M544'], source: 'FMB' },
  { query: 'epikondylit', expected: ['M77*'], source: 'FMB' },
  { query: 'insomni', expected: ['G470'], source: 'FMB' },
  { query: 'akillesruptur', expected: ['S860'], source: 'FMB' },
  { query: 'ljumskbråck', expected: ['K40*'], source: 'FMB' },
  { query: 'sömnapné', expected: ['G473'], source: 'FMB' },

  // ICD-10-SE's own words, as typed.
  { query: 'hjartinfarkt', expected: ['I21*'], source: 'ICD-10-SE' },
  { query: 'yrsel', expected: ['R42'], source: 'ICD-10-SE' },
  { query: 'tinnitus', expected: ['H931'], source: 'ICD-10-SE' },
  { query: 'fibromyalgi', expected: ['M797'], source: 'ICD-10-SE' },
  { query: 'borrelia', expected: ['A692'], source: 'ICD-10-SE' },
  { query: 'korsband', expected: ['S835'], source: 'ICD-10-SE' },
  { query: 'meniskruptur', expected: ['S832'], source: 'ICD-10-SE' },
  { query: 'akut bronkit', expected: ['J20*'], source: 'ICD-10-SE' },
  { query: 'pneumoni', expected: ['J18*'], source: 'ICD-10-SE' },
  { query: 'sömnlöshet', expected: ['F510'], source: 'ICD-10-SE' },
];

/** True when the code is one the case expects (a code, or a code under an expected category). */
export function isExpected(relevanceCase: RelevanceCase, code: string): boolean {
  return relevanceCase.expected.some((expected) =>
    expected.endsWith('*') ? code.startsWith(expected.slice(0, -1)) : code === expected,
  );
}
