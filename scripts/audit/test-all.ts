/**
 * `npm test`: every check, building the site once.
 *
 *  1. Two at a time (the machine this is sized for has two cores, and `astro check`, ESLint and
 *     the build each mostly use one): the production build under /beyond-linear/ into dist/ (its
 *     log must have no warnings: gate 11), unit tests (with the gate fixtures) in two halves, type
 *     check, lint and format, `npm run test:solutions` (solutions shown: dist/; hidden: one more
 *     build into a temporary directory) and `npm audit` of the production dependencies.
 *  2. Then alone, against that build: the end-to-end tests in Chromium, which include the
 *     audit's page gates (tests/e2e/gates.spec.ts).
 *
 * Each step's output is printed when it ends; the end-to-end tests stream. A table of where
 * the time went closes the run. Exits 1 when any step failed.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { BASE, ROOT } from './config.ts';
import { buildLogCheck, interpretAudit, type CheckResult } from './hygiene.ts';

interface Outcome {
  ok: boolean;
  /** Output to print, and a one-line verdict when the step judges more than an exit code. */
  output: string;
  verdict?: string;
}

interface Step {
  name: string;
  run: () => Promise<Outcome>;
}

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

const bin = (name: string): string => path.join(ROOT, 'node_modules/.bin', name);

/** Run a command in the repository root; stream its output instead of keeping it with `stream`. */
function exec(command: string, args: string[], { env = {}, stream = false }: { env?: Record<string, string>; stream?: boolean } = {}): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', stream ? 'inherit' : 'pipe', stream ? 'inherit' : 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => resolve({ status: 127, stdout, stderr: `${stderr}${String(error)}\n` }));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A step whose verdict is its exit code. */
function command(name: string, cmd: string, args: string[], env: Record<string, string> = {}): Step {
  return { name, run: async () => exec(cmd, args, { env }).then((r) => ({ ok: r.status === 0, output: `${r.stdout}${r.stderr}` })) };
}

const fromCheck = (check: CheckResult, output = ''): Outcome => ({
  ok: check.status !== 'fail' && !(check.status === 'skipped' && process.env['AUDIT_STRICT'] === '1'),
  output,
  verdict: `${check.status.toUpperCase()} ${check.name}: ${check.detail}`,
});

/** Settled with the build's verdict once the build step ends: the solutions check reuses dist/ when it can. */
let buildDone: (ok: boolean) => void = () => undefined;
const built = new Promise<boolean>((resolve) => (buildDone = resolve));

// Started in this order, each on the first free lane. The build comes first (the solutions check waits for it);
// the unit tests are split in two so that the lanes end together: the seeded runs that pin the chapters' numbers
// (measured.test.ts, about half of the unit tests' CPU) and the rest.
const FIRST: Step[] = [
  {
    name: 'build',
    run: async () => {
      try {
        // `npm run build`, whatever it does (e.g. build the book's data first), under the base path.
        const r = await exec('npm', ['run', '--silent', 'build'], { env: { BASE_PATH: BASE, FORCE_COLOR: '0' } });
        const log = `${r.stdout}\n${r.stderr}`;
        const outcome = fromCheck(buildLogCheck(r.status, log), log.split('\n').slice(-6).join('\n'));
        buildDone(outcome.ok);
        return outcome;
      } finally {
        buildDone(false); // no effect once settled
      }
    },
  },
  command('unit', bin('vitest'), ['run', '--exclude', '**/measured.test.ts']),
  command('measured', bin('vitest'), ['run', 'measured.test']),
  command('check', bin('astro'), ['check']),
  command('lint', 'sh', ['-c', `"${bin('eslint')}" . --max-warnings 0 && "${bin('prettier')}" --check .`]),
  {
    // scripts/solutions-check.ts: solutions shown (dist/, once built) and hidden (one more build, two chapters).
    name: 'solutions',
    run: async () => {
      const args = (await built) ? ['--shown', 'dist'] : [];
      const r = await exec('node', ['scripts/solutions-check.ts', ...args]);
      return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
    },
  },
  {
    name: 'npm audit',
    run: async () => {
      const r = await exec('npm', ['audit', '--omit=dev', '--audit-level=high', '--json']);
      return fromCheck(interpretAudit(r.stdout, r.status));
    },
  },
];

const E2E: Step = { name: 'e2e', run: async () => exec(bin('playwright'), ['test'], { stream: true }).then((r) => ({ ok: r.status === 0, output: '' })) };

interface Timed extends Outcome {
  name: string;
  seconds: number;
}

async function timed(step: Step): Promise<Timed> {
  const start = Date.now();
  const outcome = await step.run().catch((error: unknown): Outcome => ({ ok: false, output: String(error) }));
  const result = { ...outcome, name: step.name, seconds: (Date.now() - start) / 1000 };
  if (step !== E2E) {
    console.log(`\n── ${step.name} (${result.seconds.toFixed(1)} s) ${result.ok ? 'ok' : 'FAILED'} ──`);
    if (result.output.trim()) console.log(result.output.trimEnd());
  }
  if (result.verdict) console.log(result.verdict);
  return result;
}

/** Run steps `limit` at a time, in order of start. */
async function pool(steps: readonly Step[], limit: number): Promise<Timed[]> {
  const results: Timed[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < steps.length) results.push(await timed(steps[next++] as Step));
  };
  await Promise.all(Array.from({ length: limit }, lane));
  return results;
}

async function main(): Promise<number> {
  const start = Date.now();
  const load = (): string => loadavg()[0]?.toFixed(1) ?? '?';
  const loadBefore = load();
  const first = await pool(FIRST, Number(process.env['TEST_CONCURRENCY'] ?? 2));
  const builtOk = first.find((r) => r.name === 'build')?.ok ?? false;
  const all = [...first];
  if (builtOk) {
    console.log('\n── e2e: Playwright against dist/ under /beyond-linear/ ──');
    all.push(await timed(E2E));
  }
  const total = (Date.now() - start) / 1000;
  const failed = all.filter((r) => !r.ok).map((r) => r.name);
  if (!builtOk) failed.push('e2e (not run: the build failed)');
  console.log('\nWhere the time went (steps in the first group run two at a time):');
  for (const r of all) console.log(`  ${r.name.padEnd(10)} ${r.seconds.toFixed(1).padStart(7)} s  ${r.ok ? 'ok' : 'FAILED'}`);
  console.log(`  ${'total'.padEnd(10)} ${total.toFixed(1).padStart(7)} s  (1-min load average ${loadBefore} at the start, ${load()} at the end)`);
  console.log(`\nsteps: ${all.filter((r) => r.ok).length} passed, ${failed.length} failed${failed.length ? ` (${failed.join(', ')})` : ''}`);
  return failed.length === 0 ? 0 : 1;
}

process.exitCode = await main();
