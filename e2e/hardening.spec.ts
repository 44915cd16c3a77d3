import type { APIResponse, Page, Response } from '@playwright/test';
import { careUnit, seedUsers } from '../mocks/builders/seed-data';
import { expect, loginAs, test } from './fixtures';

const physician = seedUsers.physician;

test('logging out ends on "Du är utloggad", every time', async ({ app: page }) => {
  test.setTimeout(90_000);
  for (let round = 1; round <= 10; round += 1) {
    await loginAs(page, 'physician');
    await page.getByRole('banner').getByRole('button', { name: 'Logga ut' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Du är utloggad' }),
      `round ${round}`,
    ).toBeVisible();
    await expect(page).toHaveURL(/\/utloggad$/);
  }
});

test.describe('the not-found page', () => {
  test('keeps the header of a logged-in user', async ({ app: page }) => {
    await loginAs(page, 'physician');
    await page.goto('/finns-inte');
    await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
    const header = page.getByRole('banner');
    await expect(header.getByText(physician.name)).toBeVisible();
    await expect(header.getByText(physician.title)).toBeVisible();
    await expect(header.getByText(careUnit.name)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeVisible();
    await header.getByRole('button', { name: 'Logga ut' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Du är utloggad' })).toBeVisible();
  });

  test('has no logged-in header without a session', async ({ app: page }) => {
    await page.goto('/finns-inte');
    await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Logga ut' })).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toHaveCount(0);
    await expect(page.getByText(physician.name)).toHaveCount(0);
  });
});

const expectedHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

function expectSecurityHeaders(response: Response | APIResponse | null, what: string): void {
  expect(response, what).not.toBeNull();
  const headers = response?.headers() ?? {};
  expect(headers, what).toMatchObject(expectedHeaders);
  expect(headers['permissions-policy'], what).toContain('camera=()');
  const csp = headers['content-security-policy'] ?? '';
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ]) {
    expect(csp, `${what}: ${directive}`).toContain(directive);
  }
  expect(csp, what).not.toContain('unsafe-inline');
  expect(csp, what).not.toContain('unsafe-eval');
}

/** Collects what the browser reports about the page's CSP, from the first script on. */
async function watchCsp(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|csp-violation/i.test(message.text()))
      problems.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`csp-violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}

test('the app is served with a strict CSP and security headers, and breaks none of it', async ({
  page,
}) => {
  const problems = await watchCsp(page);
  const scripts = new Set<string>();
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (/^\/assets\/[^/]+\.js$/.test(pathname)) scripts.add(pathname);
  });
  const loginOptions = page.waitForResponse((r) => r.url().endsWith('/api/auth/login-options'));
  const html = await page.goto('/');
  expectSecurityHeaders(html, 'index.html');
  // The service worker registered under the policy: MSW answers the API.
  expect((await loginOptions).fromServiceWorker()).toBe(true);

  await loginAs(page, 'physician');
  await page.goto('/galleri/fk7804');
  await expect(page.getByRole('heading', { level: 2, name: 'Sysselsättning' })).toBeVisible();
  await page.getByRole('banner').getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Du är utloggad' })).toBeVisible();

  expect(problems).toEqual([]);

  // Every script the walk-through loaded, straight from the server.
  expect(scripts.size).toBeGreaterThan(3);
  for (const path of scripts) {
    const script = await page.request.get(path);
    expect(script.status(), path).toBe(200);
    expectSecurityHeaders(script, path);
    // No built script points at a source map.
    expect(await script.text(), path).not.toContain('sourceMappingURL');
  }
});

test('the embedded backend answers malformed requests with Swedish messages', async ({
  app: page,
}) => {
  const answers = await page.evaluate(async () => {
    const login = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const escape = await fetch('/api/patients/%E0%A4%A');
    return [
      { status: login.status, body: await login.text() },
      { status: escape.status, body: await escape.text() },
    ];
  });
  expect(answers).toEqual([
    {
      status: 400,
      body: JSON.stringify({ code: 'BAD_REQUEST', message: 'Fältet ”userId” saknas.' }),
    },
    {
      status: 400,
      body: JSON.stringify({
        code: 'BAD_REQUEST',
        message: 'Adressen innehåller ett ogiltigt tecken. Kontrollera adressen och försök igen.',
      }),
    },
  ]);
});
