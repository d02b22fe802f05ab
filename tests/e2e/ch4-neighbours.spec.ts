/**
 * Chapter 4's neighbours widget (`#word-neighbours` on /embeddings/): the pretrained table loads through the data loader
 * under the base path; typing a word lists its neighbours; an unknown word, an over-long or hostile word in the URL
 * each get a sentence and a safe default; an analogy leaves out its own words; no request leaves the origin.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { BASE, ORIGIN } from '../support/env.ts';
import { brokenValues, expectNoErrors, foreignRequests, light, openWidget, watchPage } from '../support/browser.ts';

async function open(page: Page, hash = ''): Promise<Locator> {
  const root = await openWidget(page, 'embeddings', 'word-neighbours', { suffix: hash });
  await expect(root.locator(light('output[data-out="status"]')), 'the table arrives and passes its checksum').toContainText('Table loaded and checked', {
    timeout: 20_000,
  });
  return root;
}

const words = (root: Locator): Promise<string[]> => root.locator(light('tbody[data-list] td:nth-child(2)')).allTextContents();

test('typing a word lists its neighbours with similarities; nothing leaves the origin', async ({ page }) => {
  const watch = watchPage(page);
  const requests: string[] = []; // the context sees the loader worker's fetches too
  page.context().on('request', (r) => requests.push(r.url()));
  const root = await open(page);
  const before = await words(root);
  expect(before, 'eight neighbours of the default word').toHaveLength(8);
  await root.getByLabel('Word', { exact: true }).fill('Ahab');
  await expect(root.locator(light('output[data-out="heading"]'))).toHaveText('Nearest to ahab (cosine similarity)');
  await expect.poll(() => words(root)).not.toEqual(before);
  const after = await words(root);
  expect(after).toHaveLength(8);
  expect(after).not.toContain('ahab');
  const sims = (await root.locator(light('tbody[data-list] td:nth-child(3)')).allTextContents()).map((s) => Number(s.replace('−', '-')));
  expect(
    sims.every((s, i) => s <= 1 && s >= -1 && (i === 0 || s <= sims[i - 1]!)),
    `similarities in [−1, 1], largest first: ${sims.join(', ')}`,
  ).toBe(true);
  await expect(root.locator(light('.widget-note'))).toBeHidden();
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#word-neighbours.word=Ahab');
  expect(await brokenValues(root)).toEqual([]);
  expect(foreignRequests({ ...watch, requests: [...watch.requests, ...requests] }), 'requests off the origin').toEqual([]);
  for (const file of ['moby-dick-embeddings.weights.gz', 'moby-dick-embedding-words.json.gz']) {
    expect(requests, `${file} comes from the site under its base path`).toContain(`${ORIGIN}${BASE}data/${file}`);
  }
  expectNoErrors(watch);
});

test('an unknown word gets a sentence with close spellings, and the list empties', async ({ page }) => {
  const root = await open(page);
  await root.getByLabel('Word', { exact: true }).fill('whail');
  await expect(root.locator(light('.widget-note'))).toHaveText(/“whail” is not among the 2,000 most frequent words.*Close spellings it knows: .*\bwhale\b/);
  await expect(root.locator(light('tbody[data-list] tr'))).toHaveCount(0);
  await root.getByLabel('Or pick a word').selectOption('sea');
  await expect(root.locator(light('.widget-note'))).toBeHidden();
  await expect(root.getByLabel('Word', { exact: true })).toHaveValue('sea');
  await expect(root.locator(light('tbody[data-list] tr'))).toHaveCount(8);
});

test('a 41-letter or hostile word in the URL falls back to the default with a sentence', async ({ page }) => {
  const watch = watchPage(page);
  for (const [hash, reason] of [
    [`#word-neighbours.word=${'w'.repeat(41)}`, 'is longer than 40 characters'],
    ['#word-neighbours.word=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', 'may contain only letters and apostrophes'],
    ['#word-neighbours.mode=analogy&word-neighbours.a=1e999', 'may contain only letters and apostrophes'],
  ] as const) {
    const root = await open(page, hash);
    await expect(root.locator(light('.widget-note')), hash).toContainText(reason);
    await expect(root.locator(light('tbody[data-list] tr')), `${hash}: the default still lists its answers`).toHaveCount(hash.includes('analogy') ? 5 : 8);
    expect(await root.locator(light('img[src="x"], [onerror]')).count()).toBe(0);
  }
  expect(watch.dialogs).toEqual([]);
  expectNoErrors(watch);
});

test('an analogy a − b + c lists five answers, none of them a, b or c', async ({ page }) => {
  const root = await open(page, '#word-neighbours.mode=analogy&word-neighbours.a=him&word-neighbours.b=he&word-neighbours.c=she');
  await expect(root.getByLabel('Word a')).toHaveValue('him');
  await expect(root.locator(light('output[data-out="heading"]'))).toHaveText('Nearest to him − he + she (cosine similarity)');
  const answers = await words(root);
  expect(answers).toHaveLength(5);
  for (const w of ['him', 'he', 'she']) expect(answers).not.toContain(w);
  await expect(root.getByLabel('Word', { exact: true })).toBeHidden();
});
