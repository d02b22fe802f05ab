/**
 * Chapter-specific behaviour: each widget moves in the direction its chapter claims, and the
 * numbered sections in the text agree with the table of contents. Generic checks (every
 * slider redraws, no NaN, URL state) live in widgets.spec.ts and url-state.spec.ts. A widget's
 * claims are tried on its embed page (`openWidget`); what needs the chapter around it (a link
 * in its text, a listing, the section numbers) opens the chapter.
 */
import { light, openWidget } from '../support/browser.ts';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { HOME } from '../support/env.ts';
import { site } from '../support/site.ts';

const { pages } = site();
const chapters = pages.filter((p) => p.chapter);

/** Start the widget `selector` (`#id`) of chapter `slug` on its embed page, with a state `hash`. */
const widget = (page: Page, slug: string, selector: string, hash = ''): Promise<Locator> => openWidget(page, slug, selector.slice(1), { suffix: hash });

/** The number a readout shows (its `data-value`, which the widget sets beside the formatted text). */
async function readNumber(root: Locator, name: string): Promise<number> {
  const value = await root
    .locator(light(`[data-out="${name}"]`))
    .first()
    .getAttribute('data-value');
  if (value === null || value === '') throw new Error(`readout ${name} shows no number`);
  return Number(value);
}

for (const chapter of chapters) {
  test(`${chapter.label}: section numbers in the text match the table of contents`, async ({ page }) => {
    await page.goto(chapter.url);
    const inText = await page.$$eval('.chapter-body > h2, .chapter-body > h3', (hs) =>
      hs.map((h) => h.querySelector('.section-number')?.textContent ?? '(none)'),
    );
    const inToc = await page.$$eval('nav.toc .toc-number', (els) => els.map((e) => (e.textContent ?? '').trim()));
    expect(inText.length).toBeGreaterThan(3);
    expect(inText).toEqual(inToc);
    // Numbered in order: 2.1, 2.1.1, 2.1.2, 2.2 …
    const order = chapter.label.startsWith('linear-limits') ? 1 : undefined;
    if (order) expect(inText.slice(0, 3)).toEqual(['1.1', '1.1.1', '1.1.2']);
  });
}

test('linear limits: least squares on XOR lands on 0.5 everywhere, MSE 0.25', async ({ page }) => {
  const root = await widget(page, 'linear-limits', '#xor-fit');
  await root.locator(light('[data-action="fit"]')).click();
  await expect(root.locator(light('[data-out="mse"]'))).toHaveText('0.250');
  await expect(root.locator(light('#xor-fit-b'))).toHaveValue('0.5');
});

test('linear limits: a step between the layers makes the hidden points separable; none leaves them inseparable', async ({ page }) => {
  const root = await widget(page, 'linear-limits', '#linear-stack');
  await expect(root.locator(light('[data-out="hidden"]'))).toHaveText('no');
  await root.locator(light('select[data-prop="between"]')).selectOption('step');
  await expect(root.locator(light('[data-out="hidden"]'))).toHaveText(/^yes/);
  await expect.poll(() => readNumber(root, 'gap')).toBeGreaterThan(0.5);
});

test('linear limits: least squares on the lifted features classifies all four corners', async ({ page }) => {
  const root = await widget(page, 'linear-limits', '#lift-features');
  await root.locator(light('[data-action="fit"]')).click();
  await expect(root.locator(light('[data-out="correct"]'))).toHaveText('4 of 4');
  await expect(root.locator(light('[data-out="mse"]'))).toHaveText('0.000');
});

test("activations: raising Swish's beta brings it closer to ReLU at x = −2", async ({ page }) => {
  const root = await widget(page, 'activations', '#activation-explorer', '#activation-explorer.x=-2&activation-explorer.beta=1');
  const before = Math.abs(await readNumber(root, 'value-swish'));
  await root.locator(light('#activation-explorer-beta')).focus();
  await page.keyboard.press('End');
  await expect.poll(async () => Math.abs(await readNumber(root, 'value-swish'))).toBeLessThan(before / 10);
});

test('activations: with sigmoid, a deeper chain delivers a smaller gradient to layer 1', async ({ page }) => {
  const root = await widget(page, 'activations', '#depth-gradients', '#depth-gradients.depth=5');
  const shallow = await readNumber(root, 'first');
  await root.locator(light('#depth-gradients-depth')).focus();
  await page.keyboard.press('End');
  await expect.poll(() => readNumber(root, 'first')).toBeLessThan(shallow / 1e6);
});

test('activations: the predict-then-check link sets the depth widget to 20 layers', async ({ page }) => {
  await page.goto(`${HOME}activations/`);
  const link = page.locator(light('a[href="#depth-gradients.depth=20"]')).first();
  await link.locator('xpath=ancestor::details').first().locator(light('summary')).click();
  await link.click();
  await expect(page.locator(light('#depth-gradients-depth'))).toHaveValue('20');
  await expect(page.locator(light('#depth-gradients'))).toBeInViewport();
});

test("activations: the article's XOR net gets 4 of 4 corners, and without the ReLU it fails", async ({ page }) => {
  const root = await widget(page, 'activations', '#xor-relu-net');
  await expect(root.locator(light('[data-out="correct"]'))).toHaveText('4 of 4');
  await root.locator(light('input[type="checkbox"][data-prop="relu"]')).uncheck();
  await expect(root.locator(light('[data-out="correct"]'))).not.toHaveText('4 of 4');
});

test('activations: fitting two hinges to sin x more than halves the error', async ({ page }) => {
  const root = await widget(page, 'activations', '#hinges');
  const before = await readNumber(root, 'mse');
  await root.locator(light('[data-action="play"]')).click();
  await expect.poll(() => readNumber(root, 'mse'), { timeout: 15_000 }).toBeLessThan(before / 2);
  await root.locator(light('[data-action="play"]')).click();
});

test('activations: the gating preset separates XOR; a constant gate does not', async ({ page }) => {
  const root = await widget(page, 'activations', '#gating');
  await root.locator(light('[data-preset="xor"]')).click();
  await expect(root.locator(light('[data-out="correct"]'))).toContainText('4');
  await root.locator(light('[data-preset="constant"]')).click();
  await expect(root.locator(light('[data-out="correct"]'))).not.toContainText('4 of 4');
});

test('softmax gradients: raising one logit raises its probability and lowers every other', async ({ page }) => {
  const root = await widget(page, 'softmax-gradients', '#softmax-explorer');
  const k = Number(await root.locator(light('#softmax-explorer-k')).inputValue());
  const probs = async (): Promise<number[]> => Promise.all(Array.from({ length: k }, (_, i) => readNumber(root, `p${i + 1}`)));
  const before = await probs();
  await root.locator(light('#softmax-explorer-z2')).focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await probs())[1] ?? 0).toBeGreaterThan(before[1] ?? 1);
  const after = await probs();
  after.forEach((p, i) => {
    if (i !== 1) expect(p, `p${i + 1}`).toBeLessThan(before[i] ?? 0);
  });
});

test('softmax gradients: adding the same constant to every logit changes no probability', async ({ page }) => {
  const root = await widget(page, 'softmax-gradients', '#softmax-explorer');
  const before = await root.locator(light('output[data-out^="p"]')).allTextContents();
  const c = await root.locator(light('#softmax-explorer-c')).inputValue();
  await root.locator(light('[data-action="up"]')).click();
  await expect(root.locator(light('#softmax-explorer-c'))).not.toHaveValue(c);
  await expect(root.locator(light('output[data-out^="p"]'))).toHaveText(before);
});

test('softmax gradients: at every step of the backprop stepper, hand formula, autograd and finite differences agree to 1e-6', async ({ page }) => {
  const root = await widget(page, 'softmax-gradients', '#backprop-stepper');
  const steps = Number(await root.locator(light('#backprop-stepper-step')).getAttribute('max'));
  await root.locator(light('#backprop-stepper-step')).focus();
  await page.keyboard.press('Home');
  for (let s = 1; s <= steps; s++) {
    await expect(root.locator(light('#backprop-stepper-step'))).toHaveValue(String(s));
    await expect
      .poll(async () => Number(await root.locator(light('[data-out="maxdiff"]')).getAttribute('data-value')), { message: `step ${s}` })
      .toBeLessThanOrEqual(1e-6);
    if (s < steps) await page.keyboard.press('ArrowRight');
  }
});

test('softmax gradients: the playground trains the 2-arm spiral to over 95% test accuracy', async ({ page }) => {
  const root = await widget(page, 'softmax-gradients', '#playground');
  const play = root.locator(light('[data-action="play"]'));
  if ((await play.innerText()).trim() !== 'Pause') await play.click();
  await expect.poll(() => readNumber(root, 'test-acc'), { timeout: 20_000 }).toBeGreaterThan(95);
});

test('softmax gradients: the gradient check singles out the first layer for version B, and the reveal marks line 15', async ({ page }) => {
  const root = await widget(page, 'softmax-gradients', '#find-the-bug', '#find-the-bug.variant=b');
  await expect(root.locator(light('[data-out="dH"]'))).toHaveText(/, fail$/);
  for (const name of ['dbH', 'dU', 'dbU']) await expect(root.locator(light(`[data-out="${name}"]`))).toHaveText(/, pass$/);
  await expect(root.locator(light('[data-listing="b"]'))).toBeVisible();
  await expect(root.locator(light('[data-listing="a"]'))).toBeHidden();
  await root.locator(light('summary'), { hasText: 'Show the bug' }).click();
  await expect(root.locator(light('[data-listing="b"] .code-mark'))).toHaveText(/const dH = matmul\(transpose\(X\), dk\);/);
  await root.locator(light('select[data-prop="variant"]')).selectOption('listing');
  await expect(root.locator(light('[data-out="verdict"]'))).toHaveText(/^All four gradients agree/);
});

test('softmax gradients: Listing 3.1 is the tested file, line for line', async ({ page }) => {
  await page.goto(`${HOME}softmax-gradients/`);
  const lines = await page.locator(light('#listing-backprop .code-line')).allTextContents();
  expect(lines.length).toBeLessThanOrEqual(20);
  expect(lines.map((l) => l.trimEnd())).toContain('  const dz = sub(o, T); // t × m');
});

/** Press Train on the playground (if it is not already training). */
async function train(root: Locator): Promise<void> {
  const play = root.locator(light('[data-action="play"]'));
  if ((await play.innerText()).trim() !== 'Pause') await play.click();
}

/** The playground's step count, from its readout `N steps · M epochs`. */
async function stepsDone(root: Locator): Promise<number> {
  return Number.parseInt((await root.locator(light('[data-out="steps"]')).textContent()) ?? '0');
}

test('softmax gradients: a feature checkbox round-trips to the URL and feeds the network', async ({ page }) => {
  const root = await widget(page, 'softmax-gradients', '#playground');
  await root.locator(light('#playground-x1x2')).check();
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('playground.x1x2=1');
  await expect(root.locator(light('.widget-description'))).toContainText('3-16-16-2 ReLU network on the features x₁, x₂, x₁x₂');
  const hash = await page.evaluate(() => location.hash);
  const again = await widget(page, 'softmax-gradients', '#playground', hash);
  await expect(again.locator(light('#playground-x1x2'))).toBeChecked();
  await expect(again.locator(light('#playground-sin1'))).not.toBeChecked();
  await expect(again.locator(light('.widget-description'))).toContainText('on the features x₁, x₂, x₁x₂');
});

test('softmax gradients: on XOR a linear (identity) network gets at most three clusters of four; x₁x₂ with no hidden layer solves it', async ({ page }) => {
  test.setTimeout(90_000);
  const linear = await widget(page, 'softmax-gradients', '#playground', '#playground.data=xor&playground.act=identity');
  await expect(linear.locator(light('.widget-description'))).toContainText('2-16-16-2 linear (identity activation) network');
  await train(linear);
  await expect.poll(() => stepsDone(linear), { timeout: 40_000 }).toBeGreaterThanOrEqual(1500);
  // A line can put at most three of XOR's four clusters on the right side: 75 %, however long it trains.
  expect(await readNumber(linear, 'test-acc')).toBeLessThanOrEqual(80);
  expect(await readNumber(linear, 'train-acc')).toBeLessThanOrEqual(80);
  const lifted = await widget(page, 'softmax-gradients', '#playground', '#playground.data=xor&playground.layers=0&playground.x1x2=1');
  await expect(lifted.locator(light('.widget-description'))).toContainText('3-2 softmax regression (no hidden layer)');
  await train(lifted);
  await expect.poll(() => readNumber(lifted, 'test-acc'), { timeout: 20_000 }).toBeGreaterThan(95);
});

test('softmax gradients: the playground hides test points on request, shows every hidden unit, and reports the L2 penalty apart', async ({ page }) => {
  const root = await widget(page, 'softmax-gradients', '#playground');
  const testDots = root.locator(light('.widget-figure > svg g[stroke="#1f2328"] > path'));
  await expect(testDots).toHaveCount(120);
  await root.locator(light('#playground-showTest')).uncheck();
  await expect(testDots).toHaveCount(0);
  await expect(root.locator(light('.widget-description'))).toContainText('training points only (test points hidden)');
  await expect(root.locator(light('svg.playground-unit'))).toHaveCount(32);
  await expect(root.locator(light('svg.playground-unit title')).first()).toContainText(
    /^Hidden layer 1, unit 1: (from .+ at the .+ to|zero on \d+ % of the square, up to) .+ at the /,
  );
  await root.locator(light('#playground-layers')).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(root.locator(light('#playground-layers'))).toHaveValue('1');
  await expect(root.locator(light('svg.playground-unit'))).toHaveCount(16);
  await expect(root.locator(light('[data-out="penalty"]'))).toHaveText('0.000');
  await root.locator(light('#playground-l2')).selectOption('0.01');
  await train(root);
  await expect.poll(() => stepsDone(root)).toBeGreaterThan(100);
  expect(await readNumber(root, 'penalty')).toBeGreaterThan(0);
});
