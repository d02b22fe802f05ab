/**
 * `npm test`: every check, building the site once.
 *
 *  1. The production build under /beyond-linear/ into dist/ (its log must have no warnings: gate 11).
 *  2. Then, against that build: the end-to-end tests in Chromium, which include the audit's page gates
 *     (tests/e2e/gates.spec.ts).
 *  3. Beside both, from the start, two at a time and at the lowest CPU priority: unit tests (with the gate
 *     fixtures) in two halves, type check, lint and format, `npm run test:solutions` (solutions shown: dist/,
 *     once built; hidden: one more build into a temporary directory) and `npm audit` of the production
 *     dependencies.
 *
 * The whole command is CPU-bound on two cores. The build and the end-to-end tests come first for the CPU; the checks
 * of step 3 take what they leave: a core beside the build, the moments when all three browsers wait together, and both
 * cores once the end-to-end tests are done. Run one after the other, the same work left about 5 % of the CPU idle.
 *
 * The end-to-end tests stream; every other step's output is printed when it ends, or, while the end-to-end tests run,
 * once they are done. A table of where the time went closes the run. Exits 1 when any step failed.
 */
import { spawn } from 'node:child_process';
import { loadavg, setPriority } from 'node:os';
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

/** The lowest CPU priority (niceness 19): a check run beside the build and the end-to-end tests takes only what they leave. */
const LOWEST = 19;

interface ExecOptions {
  env?: Record<string, string>;
  /** Stream the output instead of keeping it. */
  stream?: boolean;
  /** Run at the lowest CPU priority, set as soon as the command is spawned (before it can start processes of its own, which inherit it). */
  lowest?: boolean;
}

/** Run a command in the repository root. */
function exec(command: string, args: string[], { env = {}, stream = false, lowest = false }: ExecOptions = {}): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', stream ? 'inherit' : 'pipe', stream ? 'inherit' : 'pipe'],
    });
    if (lowest && child.pid !== undefined) {
      try {
        setPriority(child.pid, LOWEST);
      } catch {
        // Not allowed on this machine: the check runs at the usual priority, and still passes or fails alike.
      }
    }
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => resolve({ status: 127, stdout, stderr: `${stderr}${String(error)}\n` }));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A check whose verdict is its exit code, run at the lowest CPU priority. */
function check(name: string, cmd: string, args: string[]): Step {
  return { name, run: async () => exec(cmd, args, { lowest: true }).then((r) => ({ ok: r.status === 0, output: `${r.stdout}${r.stderr}` })) };
}

const fromCheck = (check: CheckResult, output = ''): Outcome => ({
  ok: check.status !== 'fail' && !(check.status === 'skipped' && process.env['AUDIT_STRICT'] === '1'),
  output,
  verdict: `${check.status.toUpperCase()} ${check.name}: ${check.detail}`,
});

/** Settled with the build's verdict once the build step ends: the solutions check reuses dist/ when it can. */
let buildDone: (ok: boolean) => void = () => undefined;
const built = new Promise<boolean>((resolve) => (buildDone = resolve));

/** `npm run build`, whatever it does (e.g. build the book's data first), under the base path. */
const BUILD: Step = {
  name: 'build',
  run: async () => {
    try {
      const r = await exec('npm', ['run', '--silent', 'build'], { env: { BASE_PATH: BASE, FORCE_COLOR: '0' } });
      const log = `${r.stdout}\n${r.stderr}`;
      const outcome = fromCheck(buildLogCheck(r.status, log), log.split('\n').slice(-6).join('\n'));
      buildDone(outcome.ok);
      return outcome;
    } finally {
      buildDone(false); // no effect once settled
    }
  },
};

// The checks beside the build and the end-to-end tests, started in this order, each on the first free lane. The unit
// tests are split in two so that the lanes end together: the seeded runs that pin the chapters' numbers
// (measured.test.ts, about half of the unit tests' CPU) and the rest. The solutions check waits for the build.
const CHECKS: Step[] = [
  check('unit', bin('vitest'), ['run', '--exclude', '**/measured.test.ts']),
  check('measured', bin('vitest'), ['run', 'measured.test']),
  check('check', bin('astro'), ['check']),
  check('lint', 'sh', ['-c', `"${bin('eslint')}" . --max-warnings 0 && "${bin('prettier')}" --check .`]),
  {
    // scripts/solutions-check.ts: solutions shown (dist/, once built) and hidden (one more build, two chapters).
    name: 'solutions',
    run: async () => {
      const args = (await built) ? ['--shown', 'dist'] : [];
      const r = await exec('node', ['scripts/solutions-check.ts', ...args], { lowest: true });
      return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
    },
  },
  {
    name: 'npm audit',
    run: async () => {
      const r = await exec('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { lowest: true });
      return fromCheck(interpretAudit(r.stdout, r.status));
    },
  },
];

const E2E: Step = { name: 'e2e', run: async () => exec(bin('playwright'), ['test'], { stream: true }).then((r) => ({ ok: r.status === 0, output: '' })) };

interface Timed extends Outcome {
  name: string;
  seconds: number;
}

/** Output of steps that ended while the end-to-end tests stream theirs: printed once they are done. */
let held: Timed[] | undefined;

function report(result: Timed): void {
  console.log(`\n── ${result.name} (${result.seconds.toFixed(1)} s) ${result.ok ? 'ok' : 'FAILED'} ──`);
  if (result.output.trim()) console.log(result.output.trimEnd());
  if (result.verdict) console.log(result.verdict);
}

async function timed(step: Step): Promise<Timed> {
  const start = Date.now();
  const outcome = await step.run().catch((error: unknown): Outcome => ({ ok: false, output: String(error) }));
  const result = { ...outcome, name: step.name, seconds: (Date.now() - start) / 1000 };
  if (step === E2E) return result;
  if (held) held.push(result);
  else report(result);
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

/** The build, then the end-to-end tests against it (none when it failed). */
async function buildThenE2e(): Promise<Timed[]> {
  const build = await timed(BUILD);
  if (!build.ok) return [build];
  console.log('\n── e2e: Playwright against dist/ under /beyond-linear/ (the checks that end meanwhile report afterwards) ──');
  held = [];
  const e2e = await timed(E2E);
  for (const r of held) report(r);
  held = undefined;
  return [build, e2e];
}

async function main(): Promise<number> {
  const start = Date.now();
  const load = (): string => loadavg()[0]?.toFixed(1) ?? '?';
  const loadBefore = load();
  const [serial, checks] = await Promise.all([buildThenE2e(), pool(CHECKS, Number(process.env['TEST_CONCURRENCY'] ?? 2))]);
  const all = [...serial, ...checks];
  const total = (Date.now() - start) / 1000;
  const failed = all.filter((r) => !r.ok).map((r) => r.name);
  if (serial.length === 1) failed.push('e2e (not run: the build failed)');
  console.log('\nWhere the time went (the build, then the end-to-end tests; beside them the other checks, two at a time, at the lowest priority):');
  for (const r of all) console.log(`  ${r.name.padEnd(10)} ${r.seconds.toFixed(1).padStart(7)} s  ${r.ok ? 'ok' : 'FAILED'}`);
  console.log(`  ${'total'.padEnd(10)} ${total.toFixed(1).padStart(7)} s  (1-min load average ${loadBefore} at the start, ${load()} at the end)`);
  console.log(`\nsteps: ${all.filter((r) => r.ok).length} passed, ${failed.length} failed${failed.length ? ` (${failed.join(', ')})` : ''}`);
  return failed.length === 0 ? 0 : 1;
}

process.exitCode = await main();
