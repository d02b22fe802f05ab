/**
 * Runs (training and measurements) on the shared run contract: trainers start paused, the
 * playground trains in a Web Worker under the site's CSP, a worker run and a main-thread run of
 * the same seed give bit-identical snapshots, a failing worker leaves a sentence and the static
 * figure, settings say when they apply, and every seed is one number field with a "New seed" button.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoErrors, light, openWidget, watchPage } from '../support/browser.ts';

/** Start widget `id` of chapter `slug` on its embed page (`openWidget`), with an optional query. */
const open = (page: Page, slug: string, id: string, query = ''): Promise<Locator> => openWidget(page, slug, id, { suffix: query });

/** The playground's latest snapshot, as bytes: the regions' Float64 probabilities and class bytes, and the curves. */
function snapshotBytes(root: Locator): Promise<{ steps: number; done: boolean; conf: number[]; cls: number[]; history: string }> {
  return root.evaluate((el) => {
    type View = { steps: number; regions: { conf: Float64Array; cls: Uint8Array }; history: unknown[] };
    const r = (el as unknown as { report?: { done: boolean; snapshot: View } }).report;
    if (!r) throw new Error('no report yet');
    const s = r.snapshot;
    return {
      steps: s.steps,
      done: r.done,
      conf: Array.from(new Uint8Array(s.regions.conf.buffer, s.regions.conf.byteOffset, s.regions.conf.byteLength)),
      cls: Array.from(s.regions.cls),
      history: JSON.stringify(s.history),
    };
  });
}

/** Train the playground to its step limit (5,000 steps) and return its final snapshot. */
async function trainToEnd(page: Page, query: string): Promise<Awaited<ReturnType<typeof snapshotBytes>> & { where: string }> {
  const root = await open(page, 'softmax-gradients', 'playground', query);
  await root.locator(light('[data-action="play"]')).click();
  await expect(root.locator(light('[data-out="steps"]'))).toContainText('5000 steps', { timeout: 60_000 });
  await expect(root.locator(light('[data-action="play"]'))).toHaveText('Train');
  const where = await root.evaluate((el) => (el as unknown as { host: { where: string } }).host.where);
  return { ...(await snapshotBytes(root)), where };
}

test('every trainer starts paused at step 0, with a Train button', async ({ page }) => {
  for (const [slug, id, readout, text] of [
    ['activations', 'hinges', 'steps', 'not started'],
    ['activations', 'xor-relu-net', 'train', 'not started'],
    ['softmax-gradients', 'playground', 'steps', '0 steps'],
  ] as const) {
    const root = await open(page, slug, id);
    await page.waitForTimeout(800);
    await expect(root.locator(light(`[data-out="${readout}"]`)), `${id} has not trained on its own`).toContainText(text);
    await expect(root.locator(light('[data-action="play"]')), `${id}: one Train button`).toHaveText(/^(Train|Fit)$/);
  }
});

test('the playground trains in a module worker under the CSP, and pause stops it', async ({ page }) => {
  const watch = watchPage(page);
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => void (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const root = await open(page, 'softmax-gradients', 'playground');
  await expect.poll(() => root.evaluate((el) => (el as unknown as { host: { where: string } }).host.where)).toBe('worker');
  await root.locator(light('[data-action="play"]')).click();
  await expect(root.locator(light('[data-action="play"]'))).toHaveText('Pause');
  await expect
    .poll(async () => Number.parseInt((await root.locator(light('[data-out="steps"]')).textContent()) ?? '0'), { timeout: 15_000 })
    .toBeGreaterThan(50);
  await root.locator(light('[data-action="play"]')).click();
  // A report the worker had already posted may still land; after that the count holds.
  const steps = root.locator(light('[data-out="steps"]'));
  let paused = '';
  await expect
    .poll(async () => {
      const before = await steps.textContent();
      await page.waitForTimeout(300);
      paused = (await steps.textContent()) ?? '';
      return before === paused;
    })
    .toBe(true);
  await page.waitForTimeout(700);
  await expect(steps).toHaveText(paused);
  expect(
    watch.requests.some((url) => /\/beyond-linear\/_astro\/run\.worker-[\w-]+\.js$/.test(url)),
    'the worker script is a same-origin file under the base path',
  ).toBe(true);
  expect(violations, 'CSP violations').toEqual([]);
  expectNoErrors(watch, 'the playground page');
});

test('same seed, bit-identical snapshots from the worker and from the main thread', async ({ page }) => {
  test.setTimeout(150_000);
  // A small network (one hidden layer of four units): both runs share every line of code whatever the size, and the
  // comparison does not need the default network's 5,000 steps of 2-16-16-2 twice over.
  const small = '#playground.layers=1&playground.width=4';
  const inWorker = await trainToEnd(page, small);
  const onMain = await trainToEnd(page, `?run=main${small}`);
  expect(inWorker.where).toBe('worker');
  expect(onMain.where).toBe('main');
  expect(inWorker.steps).toBe(5000);
  expect(onMain.steps).toBe(5000);
  expect(inWorker.conf.length).toBe(46 * 46 * 8);
  expect(onMain.conf).toEqual(inWorker.conf);
  expect(onMain.cls).toEqual(inWorker.cls);
  expect(onMain.history).toEqual(inWorker.history);
});

for (const [fault, words] of [
  ['throw', 'stopped on an error'],
  ['crash', 'background worker stopped'],
] as const) {
  test(`a worker that ${fault === 'throw' ? 'throws' : 'crashes'} leaves a sentence and the figure, with no console error`, async ({ page }) => {
    const watch = watchPage(page);
    const root = await open(page, 'softmax-gradients', 'playground', `?run-fault=${fault}`);
    await root.locator(light('[data-action="play"]')).click();
    await expect(root.locator(light('.widget-note'))).toContainText(words, { timeout: 10_000 });
    await expect(root.locator(light('.widget-note'))).toBeVisible();
    await expect(root.locator(light('.widget-figure svg')).first()).toBeVisible();
    await expect(root.locator(light('[data-action="play"]'))).toHaveText('Train');
    await expect(root.locator(light('[data-action="play"]'))).toBeDisabled();
    await page.waitForTimeout(300);
    expectNoErrors(watch, `the playground with ?run-fault=${fault}`);
  });
}

test('a training setting says it applies to the next run, and Reset applies it', async ({ page }) => {
  const root = await open(page, 'softmax-gradients', 'playground');
  const note = root.locator(light('#playground-opt-when'));
  await expect(note).toHaveText('Applies to the next run.');
  // The run's first report replaces the static figure's readout (400 steps) with step 0: only then does a step show.
  await expect(root.locator(light('[data-out="steps"]'))).toContainText(/^0 steps/);
  await root.locator(light('[data-action="step"]')).click();
  await expect.poll(async () => Number.parseInt((await root.locator(light('[data-out="steps"]')).textContent()) ?? '0')).toBeGreaterThan(0);
  await root.locator(light('#playground-opt')).selectOption('adam');
  await expect(note).toContainText('Reset starts it now');
  await expect(root.locator(light('#playground-batch-when')), 'only the changed setting says it is waiting').toHaveText('Applies to the next run.');
  await expect(root.locator(light('[data-out="steps"]')), 'the run under way keeps its steps').not.toContainText(/^0 steps/);
  await root.locator(light('[data-action="reset"]')).click();
  await expect(note).toHaveText('Applies to the next run.');
  await expect(root.locator(light('[data-out="steps"]'))).toContainText(/^0 steps/);
  // A data setting starts a new run at once.
  await root.locator(light('[data-action="step"]')).click();
  await expect(root.locator(light('[data-out="steps"]'))).not.toContainText(/^0 steps/);
  await root.locator(light('#playground-seed')).fill('7');
  await root.locator(light('#playground-seed')).press('Tab');
  await expect(root.locator(light('[data-out="steps"]'))).toContainText(/^0 steps/);
});

test('every seed is a number field with a "New seed" button that picks another seed in range', async ({ page }) => {
  test.setTimeout(120_000);
  const seeds = [
    ['linear-limits', 'cover-theorem'],
    ['activations', 'depth-gradients'],
    ['activations', 'hinges'],
    ['activations', 'xor-relu-net'],
    ['softmax-gradients', 'minibatch-noise'],
    ['softmax-gradients', 'backprop-stepper'],
    ['softmax-gradients', 'playground'],
  ] as const;
  for (const [slug, id] of seeds) {
    const root = await open(page, slug, id);
    const field = root.locator(light(`#${id}-seed`));
    await expect(field, `${id}: the seed is a number field`).toHaveAttribute('type', 'number');
    await expect(root.locator(light('input[type="range"][data-prop="seed"]')), `${id}: no seed slider`).toHaveCount(0);
    const before = await field.inputValue();
    await root.locator(light('[data-action="new-seed"]')).click();
    await expect(field, `${id}: New seed changes the seed`).not.toHaveValue(before);
    const { value, min, max } = await field.evaluate((el: HTMLInputElement) => ({ value: Number(el.value), min: Number(el.min), max: Number(el.max) }));
    expect(Number.isInteger(value) && value >= min && value <= max, `${id}: ${value} in [${min}, ${max}]`).toBe(true);
    await expect(page, `${id}: the seed is in the link`).toHaveURL(new RegExp(`${id}\\.seed=${value}`), { timeout: 15_000 });
  }
});

test('XOR ReLU net: Train moves the weights, a new seed waits for the next run, Reset shows its starting weights', async ({ page }) => {
  test.setTimeout(120_000);
  const root = await open(page, 'activations', 'xor-relu-net');
  const w11 = root.locator(light('#xor-relu-net-w11'));
  const article = await w11.inputValue();
  await root.locator(light('[data-action="play"]')).click();
  await expect(root.locator(light('[data-out="train"]'))).toContainText('(stopped)', { timeout: 60_000 });
  await expect(root.locator(light('.widget-note'))).toContainText('Solved after');
  const trained = await w11.inputValue();
  expect(trained).not.toBe(article);
  await root.locator(light('#xor-relu-net-seed')).fill('2');
  await root.locator(light('#xor-relu-net-seed')).press('Tab');
  await expect(root.locator(light('#xor-relu-net-seed-when'))).toContainText('Reset starts it now');
  await expect(w11, 'the finished run keeps its weights').toHaveValue(trained);
  await root.locator(light('[data-action="reset"]')).click();
  await expect(root.locator(light('[data-out="train"]'))).toContainText('step 0');
  await expect(w11, "seed 2's starting weights").not.toHaveValue(trained);
  await expect(root.locator(light('[data-out="dead"]')), 'seed 2 starts with both units dead').toContainText('both');
  // Moving a weight by hand ends the run.
  await root.locator(light('#xor-relu-net-u1')).focus();
  await page.keyboard.press('ArrowRight');
  await expect(root.locator(light('[data-out="train"]'))).toHaveText('not started');
});

test('hinges: Fit moves the kinks and Reset returns to the hinges the fit started from', async ({ page }) => {
  test.setTimeout(120_000);
  const root = await open(page, 'activations', 'hinges');
  const k0 = root.locator(light('#hinges-k0'));
  const start = await k0.inputValue();
  await root.locator(light('[data-action="play"]')).click();
  await expect(root.locator(light('[data-out="steps"]'))).toContainText('(finished)', { timeout: 90_000 });
  await expect(k0).not.toHaveValue(start);
  await root.locator(light('[data-action="reset"]')).click();
  await expect(k0).toHaveValue(start);
  await expect(root.locator(light('[data-out="steps"]'))).toHaveText('not started');
});
