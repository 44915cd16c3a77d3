import { describe, expect, it } from 'vitest';
import {
  capitalized,
  characterCountText,
  charactersLeftText,
  countText,
  formatNumber,
  labelledText,
  nameWithTitle,
  quoted,
} from './swedish';

const NBSP = '\u00a0';

describe('formatNumber', () => {
  it('writes numbers below 1 000 as they are', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(7)).toBe('7');
    expect(formatNumber(999)).toBe('999');
  });

  it('separates groups of three digits with a no-break space from 1 000 up', () => {
    expect(formatNumber(1000)).toBe(`1${NBSP}000`);
    expect(formatNumber(4000)).toBe(`4${NBSP}000`);
    expect(formatNumber(4999)).toBe(`4${NBSP}999`);
    expect(formatNumber(10000)).toBe(`10${NBSP}000`);
    expect(formatNumber(1234567)).toBe(`1${NBSP}234${NBSP}567`);
    expect(formatNumber(10_000n)).toBe(`10${NBSP}000`);
  });

  it('writes a decimal comma', () => {
    expect(formatNumber(12.5)).toBe('12,5');
  });
});

describe('countText', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(countText(1, 'ärende', 'ärenden')).toBe('1 ärende');
    expect(countText(0, 'ärende', 'ärenden')).toBe('0 ärenden');
    expect(countText(2, 'ärende', 'ärenden')).toBe('2 ärenden');
    expect(countText(1, 'mottaget intyg', 'mottagna intyg')).toBe('1 mottaget intyg');
    expect(countText(3, 'mottaget intyg', 'mottagna intyg')).toBe('3 mottagna intyg');
  });

  it('formats the count with thousands separators', () => {
    expect(countText(10000, 'ärende', 'ärenden')).toBe(`10${NBSP}000 ärenden`);
  });
});

describe('character counts', () => {
  it('says the length against the limit in one wording', () => {
    expect(characterCountText(0, 4000)).toBe(`0 av 4${NBSP}000 tecken`);
    expect(characterCountText(1234, 4000)).toBe(`1${NBSP}234 av 4${NBSP}000 tecken`);
  });

  it('says what is left, or how far over the limit the text is', () => {
    expect(charactersLeftText(3990, 4000)).toBe('10 tecken kvar');
    expect(charactersLeftText(4000, 4000)).toBe('0 tecken kvar');
    expect(charactersLeftText(4001, 4000)).toBe('1 tecken för mycket');
  });
});

describe('labelledText', () => {
  it('joins a label and its text with a colon', () => {
    expect(labelledText('Diagnos', 'Ange diagnoskod.')).toBe('Diagnos: Ange diagnoskod.');
  });

  it('adds no colon after a label that ends in a question mark or a colon', () => {
    expect(
      labelledText('Finns det skäl till att tidigt kontakta patienten?', 'Ange ett svar.'),
    ).toBe('Finns det skäl till att tidigt kontakta patienten? Ange ett svar.');
    expect(labelledText('Andel av ordinarie tid:', '25 procent')).toBe(
      'Andel av ordinarie tid: 25 procent',
    );
  });
});

describe('quoted', () => {
  it('quotes with the Swedish closing quotation mark on both sides', () => {
    expect(quoted('Ersätt')).toBe('”Ersätt”');
  });
});

describe('nameWithTitle', () => {
  it('writes the title after the name, as a common noun, without nested parentheses', () => {
    expect(nameWithTitle('Anna Lindqvist', 'Läkare (privatläkare)')).toBe(
      'Anna Lindqvist, läkare (privatläkare)',
    );
  });

  it('keeps the capitals of an abbreviation', () => {
    expect(nameWithTitle('Erik Berg', 'ST-läkare')).toBe('Erik Berg, ST-läkare');
  });
});

describe('capitalized', () => {
  it('gives a word standing alone its capital', () => {
    expect(capitalized('vårdenheten')).toBe('Vårdenheten');
    expect(capitalized('Försäkringskassan')).toBe('Försäkringskassan');
  });
});
