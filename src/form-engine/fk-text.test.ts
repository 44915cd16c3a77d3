import { describe, expect, it } from 'vitest';
import {
  answersOutsideFkText,
  charactersOutsideFkText,
  cleanFkText,
  fkTextChangeMessage,
  fkTextProblem,
  isFkTextCodePoint,
} from './fk-text';
import { validateAnswer } from './validate-answer';

describe('the set FK can receive', () => {
  it.each([
    ['a', true],
    ['å', true],
    ['Ö', true],
    ['é', true],
    ['½', true],
    ['«', true],
    ['§', true],
    ['ÿ', true],
    ['\n', true],
    ['\r', true],
    ['\t', true],
    ['\u00a0', false],
    ['\u00ad', false],
    ['\u0007', false],
    ['\u007f', false],
    ['\u0085', false],
    ['”', false],
    ['–', false],
    ['€', false],
    ['😀', false],
    ['ж', false],
  ])('%j: %s', (char, inSet) => {
    expect(isFkTextCodePoint(char.codePointAt(0) ?? -1)).toBe(inSet);
  });
});

describe('cleanFkText', () => {
  it.each([
    ['”Citat” – test 😀', '"Citat" - test'],
    ['“Citat” och „citat“', '"Citat" och "citat"'],
    ['‘hej’ och ‚hej‘', "'hej' och 'hej'"],
    ['a – b — c − d', 'a - b - c - d'],
    ['vänta…', 'vänta...'],
    ['1\u00a0000\u202fkr\u2009x', '1 000 kr x'],
    ['ﬁnns ﬂera', 'finns flera'],
    ['Dvořák och Łódź (á och ó finns i mängden)', 'Dvorák och Lódz (á och ó finns i mängden)'],
    ['a\u0308r och a\u030angest', 'är och ångest'],
    ['a 😀 b', 'a b'],
    ['a😀b', 'ab'],
    ['😀 början', 'början'],
    ['slut 😀\nny rad', 'slut\nny rad'],
    ['👍🏽 bra', 'bra'],
    ['Рус 中文 text', 'text'],
    ['rad1\r\nrad2\rrad3', 'rad1\nrad2\nrad3'],
    ['styr\u0007tecken\u200b', 'styrtecken'],
    ['av\u00adstavning', 'avstavning'],
    ['Pris 5 €', 'Pris 5 EUR'],
    ['Trademark™ ①', 'TrademarkTM 1'],
    ['Allt är redan rätt: åäö ÅÄÖ é ü «» ½ §', 'Allt är redan rätt: åäö ÅÄÖ é ü «» ½ §'],
    ['', ''],
  ])('%j becomes %j', (input, expected) => {
    const cleaned = cleanFkText(input);
    expect(cleaned.text).toBe(expected);
    expect(charactersOutsideFkText(cleaned.text)).toEqual([]);
  });

  it('names no change for text already in the set, or only its line endings', () => {
    expect(cleanFkText('åäö\nrad').changes).toEqual([]);
    expect(cleanFkText('rad\r\nrad').changes).toEqual([]);
  });

  it('keeps the caret at its place', () => {
    // Pasted at the start of "slut": the caret after the pasted text.
    const text = '”Citat” – test 😀slut';
    expect(cleanFkText(text, text.indexOf('slut'))).toMatchObject({
      text: '"Citat" - test slut',
      caret: '"Citat" - test '.length,
    });
    expect(cleanFkText('ab😀cd', 4)).toMatchObject({ text: 'abcd', caret: 2 });
    expect(cleanFkText('a\r\nb”', 4)).toMatchObject({ text: 'a\nb"', caret: 3 });
  });

  it('describes each change once, removals last', () => {
    const { changes } = cleanFkText('”Citat” – test 😀 “igen” 😀');
    expect(fkTextChangeMessage(changes)).toBe(
      'Tecken som Försäkringskassan inte kan ta emot har ändrats: ” och “ blev ", – blev -, 😀 togs bort.',
    );
    expect(fkTextChangeMessage(cleanFkText('a\u00a0b\u200bc').changes)).toBe(
      'Tecken som Försäkringskassan inte kan ta emot har ändrats: hårt blanksteg blev blanksteg, osynligt tecken (U+200B) togs bort.',
    );
    expect(fkTextChangeMessage(cleanFkText('一二三四五六七').changes)).toBe(
      'Tecken som Försäkringskassan inte kan ta emot har ändrats: 一, 二, 三, 四, 五 och 2 andra togs bort.',
    );
  });
});

describe('fkTextProblem', () => {
  it('refuses text outside the set, naming what it holds', () => {
    expect(fkTextProblem('ok text')).toBeUndefined();
    expect(fkTextProblem('test 😀 ”')).toBe(
      'Texten innehåller tecken som Försäkringskassan inte kan ta emot: 😀 ”',
    );
    expect(fkTextProblem('a\u0007')).toBe(
      'Texten innehåller tecken som Försäkringskassan inte kan ta emot: styrtecken (U+0007)',
    );
  });
});

describe('answers FK receives', () => {
  const env = { today: '2026-03-16' };
  const refusal = 'Texten innehåller tecken som Försäkringskassan inte kan ta emot: 😀';

  it('are invalid where a text holds characters outside the set', () => {
    const text = { id: 't', kind: 'textArea', label: 'Text' } as const;
    expect(validateAnswer(text, 'ok', false, env)).toEqual([]);
    expect(validateAnswer(text, 'ej ok 😀', false, env)).toEqual([
      { kind: 'invalid', path: [], message: refusal },
    ]);
    const contact = { id: 'c', kind: 'careUnitContact', label: 'Kontakt' } as const;
    expect(
      validateAnswer(
        contact,
        { address: 'Gatan 1 😀', postcode: '111 22', city: 'Stad', phone: '08' },
        true,
        env,
      ),
    ).toEqual([{ kind: 'invalid', path: ['address'], message: refusal }]);
  });

  it('are found in texts at any depth, letting a stored text through unchanged', () => {
    const answers = { a: 'ok', b: [{ code: 'X', description: 'fel 😀' }], c: 'ny ”' };
    expect(answersOutsideFkText(answers)).toEqual([
      { questionId: 'b', characters: ['😀'] },
      { questionId: 'c', characters: ['”'] },
    ]);
    expect(answersOutsideFkText(answers, { b: [{ code: 'Y', description: 'fel 😀' }] })).toEqual([
      { questionId: 'c', characters: ['”'] },
    ]);
  });
});
