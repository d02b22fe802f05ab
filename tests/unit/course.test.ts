import { describe, expect, it } from 'vitest';
import settings from '../../course.config';
import { courseProblems, isLinkTarget, validateCourse, withOverrides, type CourseSettings } from '../../src/lib/course-schema';
import { chapterSlugsOnDisk, listNames } from '../../src/lib/course';
import { linkedChapter } from '../../src/markdown/chapter-links.mjs';
import { rehypeUnpublishedLinks } from '../../src/markdown/rehype-unpublished-links.mjs';

const SLUGS = ['linear-limits', 'activations', 'softmax-gradients', 'embeddings', 'probes'];

describe('course.config.ts', () => {
  it('is valid, and publishes only chapters that exist', () => {
    expect(chapterSlugsOnDisk()).toEqual(SLUGS);
    expect(courseProblems(settings, chapterSlugsOnDisk())).toEqual([]);
  });

  it('names every problem in a sentence with the setting and what it should be', () => {
    const bad = {
      ...settings,
      title: '',
      authors: [],
      chapters: ['activations', 'embedings', 'activations'],
      showSolutions: 'no',
      footer: { licence: { prose: { label: 'CC BY', href: 'licence' }, code: settings.footer.licence.code }, extra: [{ label: 'x', href: 'http://a.org' }] },
      siteUrl: 'https://you.github.io/course/',
    };
    const problems = courseProblems(bad, SLUGS);
    expect(problems).toEqual([
      'title must be 1 to 80 characters of text (it is "").',
      'authors must be a list of at least one name, each 1 to 120 characters (it is []).',
      'chapters names "embedings", which is not a chapter; the chapters are linear-limits, activations, softmax-gradients, embeddings, probes (file names in content/chapters/ without "NN-").',
      'chapters names "activations" twice; list each chapter once.',
      'showSolutions must be true or false (it is "no").',
      'footer.licence.prose.href must be a root-relative path like "/licence/" or an https:// address (it is "licence").',
      'footer.extra[0].href must be a root-relative path like "/licence/" or an https:// address (it is "http://a.org").',
      'siteUrl must be an origin like "https://you.github.io", without a path (it is "https://you.github.io/course/"); the path is BASE_PATH.',
    ]);
    expect(() => validateCourse(bad, SLUGS)).toThrow(/^course\.config\.ts has 8 problems:\n {2}- title must be/);
  });

  it('refuses a footer link into a chapter the settings leave out', () => {
    const s = { ...settings, chapters: ['linear-limits'], footer: { ...settings.footer, extra: [{ label: 'Probes', href: '/probes/#x' }] } };
    expect(courseProblems(s, SLUGS)).toEqual(['footer link "Probes" leads into the chapter "probes", which chapters does not publish.']);
  });

  it('accepts link targets inside the book or on https only', () => {
    expect(['/licence/', '/licence/#code', 'https://example.edu/cs101'].map(isLinkTarget)).toEqual([true, true, true]);
    expect(['//evil.org/', 'javascript:alert(1)', 'http://x.org', '/a b/', ''].map(isLinkTarget)).toEqual([false, false, false, false, false]);
  });

  it('takes COURSE_CHAPTERS and COURSE_SHOW_SOLUTIONS from the environment', () => {
    const s = settings as CourseSettings;
    expect(withOverrides(s, {})).toBe(s);
    const o = withOverrides(s, { COURSE_CHAPTERS: 'activations, linear-limits', COURSE_SHOW_SOLUTIONS: 'false' });
    expect([o.chapters, o.showSolutions]).toEqual([['activations', 'linear-limits'], false]);
    expect(() => withOverrides(s, { COURSE_SHOW_SOLUTIONS: 'no' })).toThrow('COURSE_SHOW_SOLUTIONS must be "true" or "false" (it is "no").');
  });

  it('lists authors as prose', () => {
    expect([listNames(['A']), listNames(['A', 'B']), listNames(['A', 'B', 'C'])]).toEqual(['A', 'A and B', 'A, B and C']);
  });
});

type Node = { type: string; tagName?: string; name?: string; value?: string; properties?: Record<string, unknown>; attributes?: unknown[]; children?: Node[] };
const text = (value: string): Node => ({ type: 'text', value });
const a = (href: string, words: string): Node => ({ type: 'element', tagName: 'a', properties: { href }, children: [text(words)] });
const textOf = (n: Node): string => n.value ?? (n.children ?? []).map(textOf).join('');
const links = (n: Node): string[] => [
  ...(n.tagName === 'a' ? [String(n.properties?.['href'])] : []),
  ...(n.name === 'a' ? ['jsx'] : []),
  ...(n.children ?? []).flatMap(links),
];

describe('links to unpublished chapters', () => {
  it('finds the chapter a link leads into, with or without the base, from a chapter page or the root', () => {
    const hidden = ['embeddings', 'probes'];
    expect(linkedChapter('/embeddings/#term-lookup', hidden)).toBe('embeddings');
    expect(linkedChapter('../embeddings/', hidden)).toBe('embeddings');
    expect(linkedChapter('/bl/probes/', hidden, '/bl/')).toBe('probes');
    expect(linkedChapter('/probes', hidden)).toBe('probes');
    expect(linkedChapter('/activations/#x', hidden)).toBeUndefined();
    expect(linkedChapter('/embeddings-extra/', hidden)).toBeUndefined();
    expect(linkedChapter('#embeddings', hidden)).toBeUndefined();
    expect(linkedChapter('https://example.org/embeddings/', hidden)).toBeUndefined();
  });

  it('turns Markdown and JSX links into a hidden chapter into their words, and keeps the rest', () => {
    const jsx: Node = {
      type: 'mdxJsxTextElement',
      name: 'a',
      attributes: [{ type: 'mdxJsxAttribute', name: 'href', value: '/probes/#probe' }],
      children: [text('probes')],
    };
    const tree: Node = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'p',
          properties: {},
          children: [text('See '), a('/embeddings/#term-lookup', 'chapter 4'), text(', '), jsx, text(' and '), a('/activations/', 'chapter 2'), text('.')],
        },
      ],
    };
    rehypeUnpublishedLinks({ unpublished: ['embeddings', 'probes'] })(tree);
    expect(textOf(tree)).toBe('See chapter 4, probes and chapter 2.');
    expect(links(tree)).toEqual(['/activations/']);
  });

  it('leaves every link alone when all chapters are published', () => {
    const tree: Node = { type: 'root', children: [a('/embeddings/', 'chapter 4')] };
    rehypeUnpublishedLinks({ unpublished: [] })(tree);
    expect(links(tree)).toEqual(['/embeddings/']);
  });
});
