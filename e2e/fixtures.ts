import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { seedUsers, type SeedUserKey } from '../mocks/builders/seed-data';
import type { ResetRequest, ScenarioName } from '../src/contracts/testability';

/**
 * The testers' kit: reset the embedded backend to a named scenario, log in as any seeded
 * person, and check the current page with axe.
 */

async function openApp(page: Page): Promise<void> {
  if (page.url() === 'about:blank') {
    await page.goto('/');
    // The app renders only once the mock backend's service worker answers.
    await page.locator('h1').first().waitFor();
  }
}

/** Resets the store through the testability endpoint, from inside the page (so MSW answers). */
export async function resetBackend(
  page: Page,
  scenario: ScenarioName = 'standard',
  settings?: ResetRequest['settings'],
): Promise<void> {
  await openApp(page);
  const status = await page.evaluate(
    async (body) => {
      const response = await fetch('/api/testability/reset', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return response.status;
    },
    { scenario, settings },
  );
  expect(status, 'reset of the embedded backend').toBe(200);
}

/** Logs in through the start page as a user picked on it like a person would. */
export async function loginAs(page: Page, who: SeedUserKey): Promise<void> {
  const user = seedUsers[who];
  await page.goto('/');
  await page.getByRole('button', { name: new RegExp(user.name) }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sök / skriv intyg' })).toBeVisible();
}

/** Runs axe (WCAG 2.1 A and AA) on the page as it is now; fails listing every violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

type Fixtures = {
  /** A page whose backend has been reset to the standard scenario. */
  app: Page;
};

export const test = base.extend<Fixtures>({
  app: async ({ page }, provide) => {
    await resetBackend(page, 'standard');
    await page.evaluate(() => window.sessionStorage.clear());
    await provide(page);
  },
});

export { expect };
