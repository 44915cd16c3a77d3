import { beforeEach, describe, expect, it, vi } from 'vitest';
import { changedAnswers, keptChanges, localBackup, sameAnswer } from './local-backup';

const entry = {
  baseVersion: 3,
  answers: { '25': 'Osparad text med å, ä och ö.' },
  changedAt: '2026-12-02T10:00:00.000Z',
};

beforeEach(() => window.localStorage.clear());

describe('localBackup', () => {
  it('reads back what it wrote, for that user and draft only', () => {
    localBackup('user-1', 'cert-1').write(entry);
    expect(localBackup('user-1', 'cert-1').read()).toEqual(entry);
    expect(localBackup('user-2', 'cert-1').read()).toBeUndefined();
    expect(localBackup('user-1', 'cert-2').read()).toBeUndefined();
  });

  it('clear removes the entry', () => {
    const backup = localBackup('user-1', 'cert-1');
    backup.write(entry);
    backup.clear();
    expect(backup.read()).toBeUndefined();
    expect(window.localStorage.length).toBe(0);
  });

  it('ignores stored data that is not JSON or does not match the schema', () => {
    const backup = localBackup('user-1', 'cert-1');
    backup.write(entry);
    const key = window.localStorage.key(0) ?? '';
    window.localStorage.setItem(key, '{not json');
    expect(backup.read()).toBeUndefined();
    window.localStorage.setItem(key, JSON.stringify({ ...entry, baseVersion: 'three' }));
    expect(backup.read()).toBeUndefined();
  });

  it('a full or disabled storage never throws: the screen and the backend remain', () => {
    const backup = localBackup('user-1', 'cert-1');
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(() => backup.write(entry)).not.toThrow();
    expect(backup.read()).toBeUndefined();
    expect(() => backup.clear()).not.toThrow();
  });
});

describe('keptChanges', () => {
  it('keeps answers per user and draft, and an empty set removes the entry', () => {
    const kept = keptChanges('user-1', 'cert-1');
    expect(kept.read()).toEqual({});
    kept.write({ '19': 'Min text' });
    expect(keptChanges('user-1', 'cert-1').read()).toEqual({ '19': 'Min text' });
    expect(keptChanges('user-2', 'cert-1').read()).toEqual({});
    kept.write({});
    expect(window.localStorage.length).toBe(0);
  });
});

describe('changedAnswers', () => {
  it('lists what differs from the base, a cleared answer as null, by value not identity', () => {
    const base = { '19': 'gammal', '25': 'samma', '32': [{ code: 'HELT', from: 'a', to: 'b' }] };
    const mine = {
      '19': 'ny',
      '25': 'samma',
      '32': [{ to: 'b', from: 'a', code: 'HELT' }],
      '44': 'x',
    };
    expect(changedAnswers(mine, base)).toEqual({ '19': 'ny', '44': 'x' });
    expect(changedAnswers({ '25': 'samma' }, base)).toEqual({ '19': null, '32': null });
  });

  it('treats unanswered (undefined or null) as the same', () => {
    expect(sameAnswer(undefined, null)).toBe(true);
    expect(sameAnswer('', null)).toBe(false);
  });
});
