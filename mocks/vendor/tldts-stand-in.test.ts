import { describe, expect, it } from 'vitest';
import { getDomain } from './tldts-stand-in';

describe("the tldts stand-in for MSW's cookie store", () => {
  it('gives a host name its last two labels', () => {
    expect(getDomain('intyga.sjostaden.se')).toBe('sjostaden.se');
    expect(getDomain('WWW.Example.COM.')).toBe('example.com');
  });

  it('gives an IP address or a one-label host no registrable domain', () => {
    expect(getDomain('127.0.0.1')).toBeNull();
    expect(getDomain('::1')).toBeNull();
    expect(getDomain('localhost')).toBeNull();
  });
});
