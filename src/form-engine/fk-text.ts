/**
 * Text Försäkringskassan can receive: the one definition of the accepted characters, the
 * cleaning of typed or pasted text into them, and the Swedish words for what changed. The
 * client cleans every free text bound for FK as it is typed; the backend refuses what still
 * falls outside (answers, threads, complements), so both use this module.
 *
 * Where the requirement is stated, as far as the material at hand shows: Webcert reduces
 * certificate and message text to ISO-8859-1 and tells the user when characters are removed
 * (its front end's `useIso8859Sanitization` hook, listed in the reference of Webcert's editor,
 * row 15, and of the dialogue, "Text limits"); Webcert's own data files are read as ISO-8859-1
 * (`diagnos.code.encoding=ISO-8859-1`). No FK document in the material names the set, so this is
 * Webcert's observed behaviour, not an FK citation.
 *
 * The set chosen (FK_TEXT_SET): the graphic characters of ISO/IEC 8859-1 — U+0020–U+007E and
 * U+00A1–U+00FF — plus line feed, carriage return and tab (cleaning writes line breaks as line
 * feeds). Left out, although ISO-8859-1 can encode them:
 * - the other C0 and the C1 control characters (U+0000–U+001F, U+007F–U+009F): not graphic
 *   characters of 8859-1, and most of them not allowed in XML 1.0;
 * - no-break space (U+00A0): becomes a plain space, as every other Unicode space does, so a
 *   text pasted from a word processor does not carry invisible differences to FK;
 * - soft hyphen (U+00AD): invisible here, shown inconsistently by receiving systems; removed.
 */
import { formatMessage } from './messages';

/** Whether one Unicode code point is in the set FK can receive. */
export function isFkTextCodePoint(codePoint: number): boolean {
  return (
    codePoint === 0x0a ||
    codePoint === 0x0d ||
    codePoint === 0x09 ||
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa1 && codePoint <= 0xff && codePoint !== 0xad)
  );
}

/** Whether every character of `text` is in the set. */
export function isFkText(text: string): boolean {
  for (const char of text) {
    if (!isFkTextCodePoint(char.codePointAt(0) ?? 0)) return false;
  }
  return true;
}

/** Replacements by their closest allowed form, where Unicode's compatibility forms do not give one. */
const REPLACEMENTS: ReadonlyMap<string, string> = new Map(
  (
    [
      [
        '"',
        ['\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u2036', '\u301d', '\u301e', '\uff02'],
      ],
      [
        "'",
        [
          '\u2018',
          '\u2019',
          '\u201a',
          '\u201b',
          '\u2032',
          '\u2035',
          '\u2039',
          '\u203a',
          '\u02bc',
          '\uff07',
        ],
      ],
      // Hyphens, dashes, the minus sign and list bullets.
      [
        '-',
        [
          '\u2010',
          '\u2011',
          '\u2012',
          '\u2013',
          '\u2014',
          '\u2015',
          '\u2212',
          '\u2043',
          '\u2022',
          '\u2023',
          '\u25e6',
          '\u2027',
          '\ufe63',
        ],
      ],
      ['...', ['\u2026']],
      [
        ' ',
        [
          '\u00a0',
          '\u1680',
          '\u2000',
          '\u2001',
          '\u2002',
          '\u2003',
          '\u2004',
          '\u2005',
          '\u2006',
          '\u2007',
          '\u2008',
          '\u2009',
          '\u200a',
          '\u202f',
          '\u205f',
          '\u3000',
        ],
      ],
      // Line and paragraph separators, next line, vertical tab and form feed.
      ['\n', ['\u2028', '\u2029', '\u0085', '\u000b', '\u000c']],
      ['EUR', ['\u20ac']],
      ['oe', ['\u0153']],
      ['OE', ['\u0152']],
      ['l', ['\u0142']],
      ['L', ['\u0141']],
      ['d', ['\u0111']],
      ['D', ['\u0110']],
      ['i', ['\u0131']],
    ] as const
  ).flatMap(([to, froms]) => froms.map((from): [string, string] => [from, to])),
);

const segmenter = new Intl.Segmenter('sv', { granularity: 'grapheme' });

/** The closest allowed form of one grapheme outside the set; '' when it has none (removed). */
function replacementOf(grapheme: string): string {
  const direct = REPLACEMENTS.get(grapheme);
  if (direct !== undefined) return direct;
  // Ligatures, full-width and circled forms, ™, superscripts: their compatibility form.
  const compatible = grapheme.normalize('NFKC');
  if (compatible !== grapheme && compatible !== '' && isFkText(compatible)) return compatible;
  // A Latin letter with a mark 8859-1 lacks (č, ő, ș) keeps its letter; a stray mark goes.
  const bare = grapheme.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  if (bare !== '' && isFkText(bare)) return bare;
  return '';
}

/** One kind of change cleaning made: `from` (one grapheme) became `to` ('' = removed). */
export interface FkTextChange {
  from: string;
  to: string;
}

export interface FkTextCleaning {
  text: string;
  /** Each distinct change, in the order first made; empty when nothing changed that a user can see. */
  changes: FkTextChange[];
  /** Where a caret at the given position of the original text is in the cleaned text. */
  caret: number;
}

/**
 * `text` in the set FK can receive. Normalised to NFC first (so a decomposed å stays å) and
 * to line feeds (CR LF and CR, silently); every grapheme outside the set becomes its closest
 * allowed form (” → ", – → -, … → ..., no-break space → space, ﬁ → fi, č → c) or is removed
 * (emoji, other scripts, control characters). Removing graphemes that stood between spaces (or
 * a space and the text's start or end) also removes one space, so "test 😀" becomes "test" and
 * "a 😀 b" becomes "a b", never a double or dangling space. `caret` (a position in `text`) is
 * mapped to the same place in the result.
 */
export function cleanFkText(text: string, caret: number = text.length): FkTextCleaning {
  const crlfBefore = text.slice(0, caret).match(/\r\n/g)?.length ?? 0;
  const lineFeeds = text.replace(/\r\n?/g, '\n');
  const source = lineFeeds.normalize('NFC');
  const sourceCaret = lineFeeds.slice(0, caret - crlfBefore).normalize('NFC').length;
  let out = '';
  let mappedCaret: number | undefined;
  const changes: FkTextChange[] = [];
  const seen = new Set<string>();
  /** Graphemes were just removed, and what preceded them was a space, a break or the start. */
  let removed: { afterSpace: boolean } | undefined;
  const dropLast = () => {
    out = out.slice(0, -1);
    if (mappedCaret !== undefined) mappedCaret = Math.min(mappedCaret, out.length);
  };
  for (const { segment, index } of segmenter.segment(source)) {
    if (mappedCaret === undefined && index >= sourceCaret) mappedCaret = out.length;
    const allowed = isFkText(segment);
    let to = allowed ? segment : replacementOf(segment);
    if (!allowed && !seen.has(segment)) {
      seen.add(segment);
      changes.push({ from: segment, to });
    }
    if (to === '') {
      removed ??= { afterSpace: out === '' || out.endsWith(' ') || out.endsWith('\n') };
      continue;
    }
    if (removed?.afterSpace === true && (to.startsWith(' ') || to.startsWith('\n'))) {
      if (out.endsWith(' ')) dropLast();
      else if (to.startsWith(' ')) to = to.slice(1);
    }
    removed = undefined;
    out += to;
  }
  if (removed !== undefined && out.endsWith(' ')) dropLast();
  return { text: out, changes, caret: Math.min(mappedCaret ?? out.length, out.length) };
}

/** The graphemes of `text` outside the set, each once, in order. */
export function charactersOutsideFkText(text: string): string[] {
  const found = new Set<string>();
  for (const { segment } of segmenter.segment(text.normalize('NFC'))) {
    if (!isFkText(segment)) found.add(segment);
  }
  return [...found];
}

const hex = (char: string) =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** How a grapheme is named to the user: itself, or words for what cannot be seen. */
export function fkTextCharacterName(grapheme: string): string {
  if (grapheme === ' ') return 'blanksteg';
  if (grapheme === '\n') return 'radbrytning';
  if (grapheme === '\u00a0' || grapheme === '\u202f' || grapheme === '\u2007')
    return 'hårt blanksteg';
  if (/^\p{Zs}$/u.test(grapheme)) return 'specialblanksteg';
  if (REPLACEMENTS.get(grapheme) === '\n') return 'sidbrytning eller radavgränsare';
  if (grapheme === '\u00ad') return 'mjukt bindestreck';
  if (/^\p{Cc}$/u.test(grapheme)) return `styrtecken (${hex(grapheme)})`;
  if (/^[\p{Cf}\p{M}\p{Co}\p{Cn}\p{Cs}]+$/u.test(grapheme))
    return `osynligt tecken (${hex(grapheme)})`;
  return grapheme;
}

/** At most this many characters named in one clause of a message. */
const NAMED_AT_MOST = 5;

/** "a", "a och b", "a, b och c", or "a, b, c, d, e och 7 andra". */
function listOf(names: readonly string[]): string {
  if (names.length > NAMED_AT_MOST) {
    return `${names.slice(0, NAMED_AT_MOST).join(', ')} och ${names.length - NAMED_AT_MOST} andra`;
  }
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} och ${names.at(-1) ?? ''}`;
}

/**
 * The information message for what cleaning changed: "Tecken som Försäkringskassan inte kan
 * ta emot har ändrats: ” och “ blev ", – blev -, 😀 togs bort." Changes with the same result
 * are named together; removals come last.
 */
export function fkTextChangeMessage(changes: readonly FkTextChange[]): string {
  const byResult = new Map<string, string[]>();
  for (const change of changes) {
    byResult.set(change.to, [...(byResult.get(change.to) ?? []), fkTextCharacterName(change.from)]);
  }
  const clauses = [...byResult]
    .sort(([a], [b]) => Number(a === '') - Number(b === ''))
    .map(([to, froms]) =>
      to === '' ? `${listOf(froms)} togs bort` : `${listOf(froms)} blev ${fkTextCharacterName(to)}`,
    );
  return `Tecken som Försäkringskassan inte kan ta emot har ändrats: ${clauses.join(', ')}.`;
}

/** The characters a refusal names: "😀 ”", or the first few "och 7 till". */
export function fkTextCharacterList(characters: readonly string[]): string {
  const names = characters.map(fkTextCharacterName);
  return names.length > NAMED_AT_MOST
    ? `${names.slice(0, NAMED_AT_MOST).join(' ')} och ${names.length - NAMED_AT_MOST} till`
    : names.join(' ');
}

/** The refusal of a text still holding characters outside the set, naming them. */
export function fkTextRefusal(characters: readonly string[]): string {
  return formatMessage('textOutsideFkSet', undefined, { chars: fkTextCharacterList(characters) });
}

/** The refusal of `text`, or undefined when it is all in the set. */
export function fkTextProblem(text: string): string | undefined {
  const outside = charactersOutsideFkText(text);
  return outside.length === 0 ? undefined : fkTextRefusal(outside);
}

/** The characters outside the set in every text of a value (strings at any depth), each once. */
function outsideIn(value: unknown, stored: unknown, found: Set<string>): void {
  if (typeof value === 'string') {
    // A text stored before it had to be in the set, written back unchanged, is let through.
    if (value !== stored) for (const char of charactersOutsideFkText(value)) found.add(char);
  } else if (Array.isArray(value)) {
    const storedRows: unknown[] = Array.isArray(stored) ? stored : [];
    value.forEach((item, index) => outsideIn(item, storedRows[index], found));
  } else if (typeof value === 'object' && value !== null) {
    const storedFields = new Map<string, unknown>(
      typeof stored === 'object' && stored !== null ? Object.entries(stored) : [],
    );
    for (const [key, item] of Object.entries(value)) outsideIn(item, storedFields.get(key), found);
  }
}

/**
 * The answers whose texts hold characters outside the set, in the answers' order, with those
 * characters. Texts equal to the same place in `stored` (the draft as it was) are let through,
 * so a draft written before the rule still saves while other answers change; signing passes
 * no `stored` and refuses them all.
 */
export function answersOutsideFkText(
  answers: Readonly<Record<string, unknown>>,
  stored: Readonly<Record<string, unknown>> = {},
): { questionId: string; characters: string[] }[] {
  return Object.entries(answers).flatMap(([questionId, value]) => {
    const found = new Set<string>();
    outsideIn(value, stored[questionId], found);
    return found.size === 0 ? [] : [{ questionId, characters: [...found] }];
  });
}
