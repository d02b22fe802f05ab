/**
 * Gate 11, build hygiene. `npm test` (scripts/audit/test-all.ts) checks the log of the one
 * build the end-to-end tests then run against; run alone, this script builds into a temporary
 * directory so dist/ is left alone:
 *  - a production build (BASE_PATH=/beyond-linear/) whose log has no warning lines;
 *  - `npm audit --omit=dev --audit-level=high`: no high or critical advisories. When the
 *    registry has no audit endpoint the check is reported as SKIPPED with the reason (not
 *    as a pass); with AUDIT_STRICT=1 a skip fails too.
 * Exits 1 on any failure.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BASE, ROOT } from './config.ts';

/** Outcome of one check. */
export interface CheckResult {
  name: string;
  status: 'pass' | 'fail' | 'skipped';
  detail: string;
}

/** Terminal colour codes (ESC [ … m). */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Lines of a build log that are warnings (`[WARN]`, `warn`, `warning`), ignoring npm's own notices. */
export function warningLines(log: string): string[] {
  return log
    .split('\n')
    .map((line) => line.replace(ANSI, '').trimEnd())
    .filter((line) => /\[WARN\]|\bwarn(ing)?\b/i.test(line) && !/^npm warn /i.test(line));
}

/**
 * Run `npm run build` (whatever it does, e.g. build the book's data before `astro build`) for
 * the base path into `outDir` (dist/ when undefined); its exit code and log.
 */
export function runBuild(outDir?: string): { status: number | null; log: string } {
  const args = outDir ? ['run', '--silent', 'build', '--', '--outDir', outDir] : ['run', '--silent', 'build'];
  const run = spawnSync('npm', args, { cwd: ROOT, env: { ...process.env, BASE_PATH: BASE, FORCE_COLOR: '0' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, log: `${run.stdout ?? ''}\n${run.stderr ?? ''}` };
}

/** Judge a build by its exit code and the warning lines in its log (pure: tested on canned logs). */
export function buildLogCheck(status: number | null, log: string): CheckResult {
  if (status !== 0) return { name: 'build', status: 'fail', detail: `astro build exited with ${status}:\n${log.slice(-2000)}` };
  const warnings = warningLines(log);
  return warnings.length === 0
    ? { name: 'build', status: 'pass', detail: 'astro build: no warnings in the log' }
    : { name: 'build', status: 'fail', detail: `astro build logged ${warnings.length} warning line(s):\n  ${warnings.join('\n  ')}` };
}

/** Build the site into a temporary directory (dist/ is left alone) and look for warnings in the log. */
export function buildCheck(): CheckResult {
  const out = mkdtempSync(path.join(tmpdir(), 'audit-build-'));
  try {
    const { status, log } = runBuild(out);
    return buildLogCheck(status, log);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

interface AuditJson {
  metadata?: { vulnerabilities?: Record<string, number> };
  message?: string;
  error?: unknown;
  statusCode?: number;
}

/** Interpret `npm audit --json` output (pure: tested on canned output). */
export function interpretAudit(json: string, exitCode: number | null): CheckResult {
  let parsed: AuditJson;
  try {
    parsed = JSON.parse(json) as AuditJson;
  } catch {
    return { name: 'npm audit', status: 'skipped', detail: `audit endpoint unavailable: npm audit printed no JSON (exit ${exitCode})` };
  }
  const counts = parsed.metadata?.vulnerabilities;
  if (!counts) {
    const why = parsed.message ?? (parsed.statusCode ? `HTTP ${parsed.statusCode}` : 'no vulnerability metadata');
    return { name: 'npm audit', status: 'skipped', detail: `audit endpoint unavailable: ${why}` };
  }
  const high = (counts['high'] ?? 0) + (counts['critical'] ?? 0);
  const summary = Object.entries(counts)
    .filter(([k]) => k !== 'total')
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return high === 0
    ? { name: 'npm audit', status: 'pass', detail: `npm audit --omit=dev: no high or critical advisories (${summary})` }
    : {
        name: 'npm audit',
        status: 'fail',
        detail: `npm audit --omit=dev: ${high} high/critical advisories (${summary}); run npm audit --omit=dev for details`,
      };
}

/** Run `npm audit --omit=dev --audit-level=high --json`. */
export function npmAuditCheck(): CheckResult {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (run.error) return { name: 'npm audit', status: 'skipped', detail: `audit endpoint unavailable: ${run.error.message}` };
  return interpretAudit(run.stdout ?? '', run.status);
}

function main(): number {
  const results = [buildCheck(), npmAuditCheck()];
  for (const r of results) console.log(`${r.status.toUpperCase().padEnd(7)} ${r.name}: ${r.detail}`);
  const failed = results.filter((r) => r.status === 'fail' || (r.status === 'skipped' && process.env['AUDIT_STRICT'] === '1'));
  console.log(`\nhygiene: ${failed.length === 0 ? 'PASS' : 'FAIL'}${results.some((r) => r.status === 'skipped') ? ' (with skipped checks)' : ''}`);
  return failed.length === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();
