/**
 * Gate 11 can fail: warnings in a build log are found, high advisories fail, and an audit
 * endpoint that is missing is reported as skipped, never as a pass.
 */
import { describe, expect, it } from 'vitest';
import { buildLogCheck, interpretAudit, warningLines } from '../../../scripts/audit/hygiene.ts';

describe('build hygiene', () => {
  it('finds warning lines in a build log, whatever their colour codes', () => {
    const log = [
      '05:03:45 [build] output: "static"',
      `05:03:46 \u001b[33m[WARN]\u001b[39m [vite] Some chunks are larger than 500 kB`,
      '05:03:46 [vite] warning: something odd',
      'npm warn Unknown user config "nodedir"',
      '05:03:47 [build] Complete!',
    ].join('\n');
    expect(warningLines(log)).toEqual(['05:03:46 [WARN] [vite] Some chunks are larger than 500 kB', '05:03:46 [vite] warning: something odd']);
    expect(warningLines('05:03:47 [build] Complete!')).toEqual([]);
  });

  it('fails the build on a warning in its log or a non-zero exit, and passes a clean log', () => {
    const clean = '05:03:45 [build] output: "static"\n05:03:47 [build] Complete!';
    expect(buildLogCheck(0, clean).status).toBe('pass');
    const warned = buildLogCheck(0, `${clean}\n05:03:46 [WARN] [vite] Some chunks are larger than 500 kB`);
    expect(warned.status).toBe('fail');
    expect(warned.detail).toContain('1 warning line(s)');
    expect(buildLogCheck(1, 'error: no such file').status).toBe('fail');
  });

  it('fails on high or critical advisories and passes on low ones', () => {
    const report = (high: number): string =>
      JSON.stringify({ metadata: { vulnerabilities: { info: 0, low: 2, moderate: 0, high, critical: 0, total: 2 + high } } });
    expect(interpretAudit(report(1), 1).status).toBe('fail');
    expect(interpretAudit(report(0), 0).status).toBe('pass');
  });

  it('reports a registry without an audit endpoint as skipped, with the reason', () => {
    const body = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk', statusCode: 405 });
    const result = interpretAudit(body, 1);
    expect(result.status).toBe('skipped');
    expect(result.detail).toMatch(/^audit endpoint unavailable: 405 Method Not Allowed/);
    expect(interpretAudit('', 1).status).toBe('skipped');
  });
});
