import { expect, expectNoAxeViolations, loginAs, test } from './fixtures';

test('a page not yet visited while offline says so, keeps the header and shows itself once the connection is back', async ({
  app: page,
  context,
}) => {
  test.setTimeout(90_000);
  await loginAs(page, 'physician');
  const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(menu).toBeVisible();

  await context.setOffline(true);
  await expect(page.getByRole('status').getByText('Ingen anslutning.')).toBeVisible();
  // The signed list's code has not been loaded in this tab yet.
  await menu.getByRole('link', { name: 'Signerade intyg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen anslutning' })).toBeFocused();
  await expect(page.getByText(/Sidan kunde inte hämtas/)).toBeVisible();
  await expect(page.getByText('Något gick fel')).toHaveCount(0);
  // The header and the menu stay.
  await expect(page.getByRole('banner').getByRole('button', { name: 'Logga ut' })).toBeVisible();
  await expect(menu).toBeVisible();
  await expectNoAxeViolations(page);

  await context.setOffline(false);
  await expect(page.getByRole('heading', { level: 1, name: 'Signerade intyg' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('status').getByText('Ingen anslutning.')).toHaveCount(0);
  await expect(page).toHaveURL(/\/intyg$/);
});
