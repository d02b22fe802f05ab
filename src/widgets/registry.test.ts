/**
 * The registry that builds the embed pages lists exactly the widgets the chapters show: read
 * from the chapters' MDX (each `<Widget />` imported from `~/widgets`) and from each widget's
 * component (its default id and its title). A new widget in a chapter without a registry entry,
 * and so without an embed page, fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from './registry';

const ROOT = path.resolve(__dirname, '../..');
const CHAPTERS = path.join(ROOT, 'content/chapters');

/** `{ Name: './folder/Name.astro' }` from src/widgets/index.ts. */
const exported = new Map(
  [...readFileSync(path.join(__dirname, 'index.ts'), 'utf8').matchAll(/export \{ default as (\w+) \} from '\.\/([^']+\.astro)';/g)].map((m) => [
    m[1] ?? '',
    m[2] ?? '',
  ]),
);

/** Every widget use in a chapter: the component's name, the chapter's slug and the tag as written. */
const uses = readdirSync(CHAPTERS)
  .filter((f) => f.endsWith('.mdx'))
  .flatMap((file) => {
    const source = readFileSync(path.join(CHAPTERS, file), 'utf8');
    const slug = file.replace(/^\d+-/, '').replace(/\.mdx$/, '');
    const imported = [...source.matchAll(/import \{([^}]*)\} from '~\/widgets';/g)].flatMap((m) => (m[1] ?? '').split(',').map((s) => s.trim()));
    return imported.flatMap((name) => [...source.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'g'))].map((m) => ({ name, slug, tag: m[0] })));
  });

/** The id a component renders with no props (`const { id = '…' } = Astro.props`) and its WidgetShell title. */
function componentFacts(name: string): { id: string | undefined; title: string | undefined } {
  const file = exported.get(name);
  if (!file) return { id: undefined, title: undefined };
  const source = readFileSync(path.join(__dirname, file), 'utf8');
  const shell = source.slice(source.indexOf('<WidgetShell'));
  return { id: /const \{[^}]*\bid = '([^']+)'/.exec(source)?.[1], title: /^\s*title="([^"]+)"/m.exec(shell)?.[1] };
}

describe('the widget registry', () => {
  it('lists every widget the chapters show, in the chapter it is in, and nothing else', () => {
    const used = uses.map((u) => `${u.name} in ${u.slug}`).sort();
    const listed = registry.map((e) => `${e.component} in ${e.chapter}`).sort();
    expect(used.length, 'widgets found in the chapters').toBeGreaterThanOrEqual(24);
    expect(listed, 'src/widgets/registry.ts against the chapters’ MDX').toEqual(used);
  });

  it('has one entry per id', () => {
    const ids = registry.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('gives each widget the props its chapter gives it: none, so the embed page renders the same defaults', () => {
    expect(uses.filter((u) => !/^<\w+\s*\/>$/.test(u.tag)).map((u) => `${u.slug}: ${u.tag}`)).toEqual([]);
  });

  it('agrees with each component on its id and title', () => {
    const facts = registry.map((e) => ({ component: e.component, ...componentFacts(e.component) }));
    expect(facts).toEqual(registry.map((e) => ({ component: e.component, id: e.id, title: e.title })));
  });
});
