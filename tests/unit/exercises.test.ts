/**
 * Every exercise in the chapters' MDX states its difficulty, `difficulty={1}`, `{2}` or `{3}`,
 * and every level-3 exercise offers a `<Hint>` with some words in it before its `<Solution>`
 * (src/components/Exercise.astro explains the levels). The checker is run on the chapters and
 * on small bad sources, so that it is seen to fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve(__dirname, '../../content/chapters');
const chapters = readdirSync(DIR)
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((file) => ({ file, source: readFileSync(path.join(DIR, file), 'utf8') }));

interface Found {
  id: string;
  difficulty: number | undefined;
  problems: string[];
}

/** Words of prose in an MDX fragment: tags and formulas removed. */
function words(fragment: string): number {
  return fragment
    .replace(/<[^>]*>/g, ' ')
    .replace(/\$[^$]*\$/g, ' ')
    .split(/\s+/)
    .filter((w) => /[a-z]{2}/i.test(w)).length;
}

/** The exercises of one MDX source, each with what is wrong with it (empty when nothing is). */
function checkExercises(source: string): Found[] {
  const out: Found[] = [];
  for (const m of source.matchAll(/<Exercise\b([^>]*)>([\s\S]*?)<\/Exercise>/g)) {
    const [, attrs = '', body = ''] = m;
    const id = /\bid="([^"]+)"/.exec(attrs)?.[1] ?? '(no id)';
    const level = /\bdifficulty=\{\s*(\d+)\s*\}/.exec(attrs)?.[1];
    const difficulty = level === undefined ? undefined : Number(level);
    const problems: string[] = [];
    if (difficulty === undefined) problems.push('has no difficulty={1|2|3}');
    else if (![1, 2, 3].includes(difficulty)) problems.push(`has difficulty ${difficulty}, not 1, 2 or 3`);
    const solution = body.indexOf('<Solution');
    const hint = /<Hint\b[^>]*>([\s\S]*?)<\/Hint>/.exec(body);
    if (solution < 0) problems.push('has no <Solution>');
    if (difficulty === 3) {
      if (!hint) problems.push('is level 3 but has no <Hint>');
      else if (solution >= 0 && hint.index > solution) problems.push('puts its <Hint> after its <Solution>');
      else if (words(hint[1] ?? '') < 12) problems.push('has a <Hint> of fewer than 12 words');
    }
    out.push({ id, difficulty, problems });
  }
  return out;
}

describe('exercise difficulty and hints', () => {
  const all = chapters.flatMap(({ file, source }) => checkExercises(source).map((e) => ({ file, ...e })));

  it('every chapter has exercises, and every exercise in the book is found', () => {
    for (const { file, source } of chapters) expect(checkExercises(source).length, file).toBe((source.match(/<Exercise\b/g) ?? []).length);
    expect(all.length).toBe(37);
  });

  it('every exercise has a difficulty of 1, 2 or 3, and every level-3 exercise a hint before its solution', () => {
    const problems = all.flatMap((e) => e.problems.map((p) => `${e.file} exercise "${e.id}" ${p}`));
    expect(problems).toEqual([]);
  });

  it('uses all three levels', () => {
    const counts = [1, 2, 3].map((l) => all.filter((e) => e.difficulty === l).length);
    expect(
      counts.every((c) => c > 0),
      `exercises per level: ${counts.join(', ')}`,
    ).toBe(true);
  });

  it('fails an exercise without a difficulty, a level-3 exercise without a hint, and a hint after the solution', () => {
    const hint = '<Hint>\n\nAdd the four inequalities in pairs and compare the two sums you get.\n\n</Hint>';
    const bad = [
      '<Exercise id="a" title="A">\n\nQ\n\n<Solution>\n\nS\n\n</Solution>\n\n</Exercise>',
      '<Exercise id="b" title="B" difficulty={3}>\n\nQ\n\n<Solution>\n\nS\n\n</Solution>\n\n</Exercise>',
      `<Exercise id="c" title="C" difficulty={3}>\n\nQ\n\n<Solution>\n\nS\n\n</Solution>\n\n${hint}\n\n</Exercise>`,
      '<Exercise id="d" title="D" difficulty={4}>\n\nQ\n\n<Solution>\n\nS\n\n</Solution>\n\n</Exercise>',
      `<Exercise id="e" title="E" difficulty={3}>\n\nQ\n\n${hint}\n\n<Solution>\n\nS\n\n</Solution>\n\n</Exercise>`,
    ].join('\n\n');
    expect(checkExercises(bad).map((e) => [e.id, e.problems])).toEqual([
      ['a', ['has no difficulty={1|2|3}']],
      ['b', ['is level 3 but has no <Hint>']],
      ['c', ['puts its <Hint> after its <Solution>']],
      ['d', ['has difficulty 4, not 1, 2 or 3']],
      ['e', []],
    ]);
  });
});
