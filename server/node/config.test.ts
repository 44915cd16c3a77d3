// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { configureSwedishZodMessages } from '../../src/contracts/swedish-messages';
import { readConfig } from './config';

configureSwedishZodMessages();

describe('the server settings', () => {
  it('default to port 8080, the embedded database in ./data, and no testability API', () => {
    expect(readConfig({}, [], '/srv/intyga')).toEqual({
      ok: true,
      config: {
        port: 8080,
        host: undefined,
        store: { dataDirectory: '/srv/intyga/data' },
        testability: false,
      },
    });
  });

  it('take PORT, HOST, INTYGA_DATA_DIR and DATABASE_URL', () => {
    expect(
      readConfig({ PORT: '8123', HOST: '127.0.0.1', INTYGA_DATA_DIR: '/var/lib/intyga' }, [], '/'),
    ).toMatchObject({
      config: { port: 8123, host: '127.0.0.1', store: { dataDirectory: '/var/lib/intyga' } },
    });
    expect(
      readConfig({ DATABASE_URL: 'postgres://intyga@db/intyga', INTYGA_DATA_DIR: 'x' }, [], '/'),
    ).toMatchObject({ config: { store: { databaseUrl: 'postgres://intyga@db/intyga' } } });
  });

  it('switch the testability API on with --demo or INTYGA_DEMO=1, and only then', () => {
    expect(readConfig({}, ['--demo'], '/')).toMatchObject({ config: { testability: true } });
    expect(readConfig({ INTYGA_DEMO: '1' }, [], '/')).toMatchObject({
      config: { testability: true },
    });
    expect(readConfig({ INTYGA_DEMO: '0' }, [], '/')).toMatchObject({
      config: { testability: false },
    });
    expect(readConfig({ INTYGA_DEMO: '' }, [], '/')).toMatchObject({
      config: { testability: false },
    });
  });

  it('say in Swedish what is wrong', () => {
    expect(readConfig({ PORT: 'åtta' }, [], '/')).toEqual({
      ok: false,
      message: 'PORT ska vara ett portnummer.',
    });
    expect(readConfig({ PORT: '70000' }, [], '/')).toEqual({
      ok: false,
      message: 'PORT ska vara mellan 0 och 65535.',
    });
    expect(readConfig({ DATABASE_URL: 'mysql://x' }, [], '/')).toEqual({
      ok: false,
      message: 'DATABASE_URL ska börja med postgres:// eller postgresql://.',
    });
    expect(readConfig({}, ['--demos'], '/')).toEqual({
      ok: false,
      message: 'Okänt argument: --demos. Det enda argumentet är --demo.',
    });
  });
});
