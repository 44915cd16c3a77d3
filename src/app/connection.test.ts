import { describe, expect, it } from 'vitest';
import { NetworkError } from '../lib/api-client';
import { isCodeLoadFailure, isConnectionFailure } from './connection';

describe('connection failures', () => {
  it.each([
    'Failed to fetch dynamically imported module: http://localhost/assets/work-lists-1a2b.js',
    'Importing a module script failed.',
    'error loading dynamically imported module: http://localhost/assets/fk-3c4d.js',
    'Unable to preload CSS for /assets/editor-5e6f.css',
  ])('a page whose code could not be fetched: %s', (message) => {
    const error = new TypeError(message);
    expect(isCodeLoadFailure(error)).toBe(true);
    expect(isConnectionFailure(error)).toBe(true);
  });

  it('data that could not be fetched is a connection failure, not a code failure', () => {
    const error = new NetworkError();
    expect(isConnectionFailure(error)).toBe(true);
    expect(isCodeLoadFailure(error)).toBe(false);
  });

  it.each([
    new Error('Cannot read properties of undefined'),
    new TypeError('x is not a function'),
    'text',
  ])('anything else is not: %s', (error) => {
    expect(isConnectionFailure(error)).toBe(false);
  });
});
