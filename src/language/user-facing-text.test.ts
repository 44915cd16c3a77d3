import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findProblems,
  PLACEHOLDER,
  textsOfJson,
  textsOfSource,
  userFacingTexts,
  type SourceText,
} from './testing/user-facing-text';

/**
 * FK's official texts, quoted word for word in the definitions (../shared/specs/certificates):
 * the check leaves exactly these passages alone. Anything else in the same text is checked.
 */
const FK_VERBATIM = [
  // FK 7800, 7801, 7802, 7804: FK writes the field's name in straight quotes.
  '"Övriga upplysningar"',
  // FK 7800, 7801, 7802 (LUSE, LUAE): the date cross-check's message, FK's template.
  '"min undersökning av patienten"',
  '"anhörigs beskrivning av patienten"',
  // FK 7801: the source of the help texts.
  '"Neuropsykiatriska funktioner hos barn, ungdomar och unga vuxna"',
  // FK 7809: the under-18 confirmation.
  'ska du istället använda',
  // FK 7804: the description of category 5 (aktivitetsbegränsningar).
  't. ex vardagliga situationer',
];

function withoutFkVerbatim(text: SourceText): SourceText {
  if (!text.where.startsWith('src/definitions/')) return text;
  return {
    ...text,
    text: FK_VERBATIM.reduce((rest, passage) => rest.replaceAll(passage, PLACEHOLDER), text.text),
  };
}

const problemsIn = (text: string) => findProblems({ where: 'x', text }).map((found) => found.rule);
const problemsInSource = (code: string, file = 'x.tsx') =>
  textsOfSource(file, code)
    .flatMap(findProblems)
    .map((found) => found.rule);

describe('the language check', () => {
  it('finds a count or limit of 4+ digits without a thousands separator', () => {
    expect(problemsIn('Texten får vara högst 4999 tecken.')).toHaveLength(1);
    expect(problemsIn('Ange en text som inte är längre än 4000.')).toHaveLength(1);
    expect(problemsIn('Visar 1–25 av 10000 ärenden')).toHaveLength(1);
  });

  it('leaves separated counts, years, dates, codes and identity numbers alone', () => {
    for (const text of [
      'Texten får vara högst 4 999 tecken.',
      'Visar 1–25 av 10\u00a0000 ärenden',
      'Uppgifterna är från 2019 och kan ha ändrats sedan dess.',
      'Ange ett datum som är senast 2099-12-12.',
      'Patienten 19791212-9280 har skyddade personuppgifter.',
      'FK 7804 Läkarintyg för sjukpenning',
      'Diagnoskoden F3200 finns inte i ICD-10-SE.',
      'Porten 5173 används redan.',
    ]) {
      expect(problemsIn(text), text).toEqual([]);
    }
  });

  it('finds straight quotes in Swedish text, not in code or English', () => {
    expect(problemsIn('Använd "Ersätt" i stället.')).toHaveLength(1);
    expect(problemsInSource('const a = <p>Använd &quot;Ersätt&quot; i stället.</p>;')).toHaveLength(
      1,
    );
    expect(problemsIn('Använd ”Ersätt” i stället.')).toEqual([]);
    expect(problemsIn('Replace ("ersätt") a signed certificate.')).toEqual([]);
    expect(problemsInSource('document.querySelector(\'[data-question-id="1"]\');', 'x.ts')).toEqual(
      [],
    );
  });

  it('finds "istället", "t. ex", "?:" and a capital "Vårdenheten" mid-sentence', () => {
    expect(problemsIn('Förnya det kompletterande intyget istället.')).toHaveLength(1);
    expect(problemsIn('i andra situationer, t. ex vardagliga')).toHaveLength(1);
    expect(problemsIn('till exempel t.ex vardagliga')).toHaveLength(1);
    expect(problemsIn('Finns det skäl?: Ange ett svar.')).toHaveLength(1);
    expect(problemsIn('Svar från Vårdenheten')).toHaveLength(1);
    for (const text of [
      'Förnya det kompletterande intyget i stället.',
      'i andra situationer, t.ex. vardagliga',
      'Vårdenhetens adress',
      'Vårdenheten kan inte komplettera',
      'Svar från vårdenheten',
      '/^(?:a|b)$/',
    ]) {
      expect(problemsIn(text), text).toEqual([]);
    }
  });

  it('finds a label joined to a text with a colon by hand', () => {
    expect(problemsInSource('const a = <a>{question.label}: {message}</a>;')).toHaveLength(1);
    expect(problemsInSource('const a = `${questionLabel(id)}: ${message}`;', 'x.ts')).toHaveLength(
      1,
    );
    expect(problemsInSource('const a = <a>{labelledText(question.label, message)}</a>;')).toEqual(
      [],
    );
  });

  it('finds a count put into Swedish text without the helpers', () => {
    expect(problemsInSource('const a = `${String(total)} mottagna intyg.`;', 'x.ts')).toHaveLength(
      1,
    );
    expect(problemsInSource('const a = <p>Sida {page} av {pages}</p>;')).toHaveLength(1);
    expect(
      problemsInSource(
        "const a = `${countText(total, 'mottaget intyg', 'mottagna intyg')}.`;",
        'x.ts',
      ),
    ).toEqual([]);
    expect(
      problemsInSource('const a = `Fråga ${String(index + 1)} från Försäkringskassan.`;', 'x.ts'),
    ).toEqual([]);
    expect(problemsInSource('const a = `${table} has ${String(count)} keys`;', 'x.ts')).toEqual([]);
  });

  it('reads every string of a definition', () => {
    expect(textsOfJson('d.json', '{"a":[{"label":"Svar från Vårdenheten"}]}')).toEqual([
      { where: 'd.json a[0].label', text: 'Svar från Vårdenheten' },
    ]);
  });

  it('finds nothing in the product’s user-facing texts but FK’s verbatim wording', () => {
    const root = resolve(import.meta.dirname, '../..');
    const texts = userFacingTexts(root);
    // The scan reads the app, the backend and the definitions, not a handful of files.
    expect(texts.length).toBeGreaterThan(3000);
    const findings = texts
      .map(withoutFkVerbatim)
      .flatMap(findProblems)
      .map(({ where, rule, text }) => `${where}: ${rule}: ${text.slice(0, 160)}`);
    expect(findings).toEqual([]);
  });

  it('keeps the FK exceptions true: each still stands in a definition', () => {
    const root = resolve(import.meta.dirname, '../..');
    const definitionTexts = userFacingTexts(root)
      .filter((text) => text.where.startsWith('src/definitions/'))
      .map((text) => text.text);
    for (const passage of FK_VERBATIM) {
      expect(
        definitionTexts.some((text) => text.includes(passage)),
        passage,
      ).toBe(true);
    }
  });
});
