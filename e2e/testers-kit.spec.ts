import {
  bulkDrafts,
  bulkThreads,
  expect,
  expectNoAxeViolations,
  fkReceived,
  loginToFkSimulator,
  loginToMinaIntyg,
  test,
} from './fixtures';

/**
 * The testers' kit itself: bulk seeding makes signed and sent certificates and FK's questions
 * that Försäkringskassan's side sees as its own, and the log-in helpers open the FK simulator
 * and Mina intyg.
 */
test('bulk certificates and questions reach FK’s side; the helpers log in to the FK simulator and Mina intyg', async ({
  app: page,
}) => {
  const receivedBefore = (await fkReceived(page)).length;
  await bulkDrafts(page, 16, 'signed');
  expect(await bulkThreads(page, 20)).toBe(20);
  // Every other bulk certificate is sent: FK has received eight more.
  const received = await fkReceived(page);
  expect(received).toHaveLength(receivedBefore + 8);

  await loginToFkSimulator(page, 'Johan Ek');
  const table = page.getByRole('table', { name: /Mottagna intyg/ });
  await expect(table.getByRole('row')).toHaveCount(received.length + 1);
  // The questions the bulk made are open on FK's side too.
  const openQuestions = await table
    .getByRole('row')
    .evaluateAll((rows) =>
      rows.slice(1).reduce((sum, row) => sum + Number(row.lastElementChild?.textContent ?? 0), 0),
    );
  expect(openQuestions).toBe(20);
  await expectNoAxeViolations(page);

  await loginToMinaIntyg(page, 'adult');
  await expect(
    page.getByRole('list', { name: 'Dina intyg' }).getByRole('listitem'),
  ).not.toHaveCount(0);
  await expectNoAxeViolations(page);
});
