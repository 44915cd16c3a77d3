import { describe, expect, it } from 'vitest';
import {
  formatIdentityNumber,
  identityNumberMessages,
  identityNumberSchema,
  parseIdentityNumber,
} from './identity-number';

const today = new Date(Date.UTC(2026, 10, 25));
const parse = (input: string) => parseIdentityNumber(input, today);

describe('parseIdentityNumber', () => {
  it.each([
    ['19791212-9280', '197912129280'],
    ['197912129280', '197912129280'],
    ['791212-9280', '197912129280'],
    ['7912129280', '197912129280'],
    ['  19791212 - 9280 ', '197912129280'],
    ['20121212-1212', '201212121212'],
    ['121212-1212', '201212121212'],
  ])('accepts %s as %s', (input, value) => {
    expect(parse(input)).toEqual({
      ok: true,
      value,
      kind: 'personnummer',
      formatted: formatIdentityNumber(value),
    });
  });

  it('reads a plus as 100 years or older', () => {
    expect(parse('121212+1212')).toMatchObject({ ok: true, value: '191212121212' });
  });

  it('recognises a samordningsnummer (day + 60)', () => {
    expect(parse('19990190-2396')).toEqual({
      ok: true,
      value: '199901902396',
      kind: 'samordningsnummer',
      formatted: '19990190-2396',
    });
  });

  it.each([
    ['', identityNumberMessages.empty],
    ['   ', identityNumberMessages.empty],
    ['1979121', identityNumberMessages.format],
    ['19791212-92801', identityNumberMessages.format],
    ['abc', identityNumberMessages.format],
    ['19791212/9280', identityNumberMessages.format],
    ['19791332-9280', identityNumberMessages.date],
    ['19790230-9280', identityNumberMessages.date],
    ['19791300-9280', identityNumberMessages.date],
    ['19990192-2396', identityNumberMessages.date],
    ['20301212-1212', identityNumberMessages.future],
    ['19791212-9281', identityNumberMessages.checkDigit],
    ['19121212-1213', identityNumberMessages.checkDigit],
    ['19791212-T280', identityNumberMessages.interim],
    ['19791212-0000', identityNumberMessages.format],
  ])('rejects %j with the precise message', (input, message) => {
    expect(parse(input)).toEqual({ ok: false, message });
  });

  it('accepts 29 February only in leap years', () => {
    expect(parse('18920229-9815')).toMatchObject({ ok: true, value: '189202299815' });
    expect(parse('18930229-9815')).toEqual({ ok: false, message: identityNumberMessages.date });
  });
});

describe('identityNumberSchema (API bodies)', () => {
  it('takes only the normalised 12-digit form of a valid number', () => {
    expect(identityNumberSchema.safeParse('197912129280').success).toBe(true);
    expect(identityNumberSchema.safeParse('19791212-9280').success).toBe(false);
    expect(identityNumberSchema.safeParse('197912129281').success).toBe(false);
  });
});
