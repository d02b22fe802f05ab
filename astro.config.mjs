// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { rehypeBaseLinks } from './src/markdown/rehype-base-links.mjs';
import { rehypeKatexStrict } from './src/markdown/rehype-katex-strict.mjs';
import { rehypeSectionNumbers } from './src/markdown/rehype-section-numbers.mjs';
import { rehypeUnpublishedLinks } from './src/markdown/rehype-unpublished-links.mjs';
import { normaliseBase } from './src/markdown/base.mjs';
// Reading the settings validates them: a mistake in course.config.ts stops here with a sentence per problem.
import { COURSE, UNPUBLISHED } from './src/lib/course.ts';

const base = normaliseBase(process.env.BASE_PATH);
const site = process.env.SITE_URL || COURSE.siteUrl || 'http://localhost:4321';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site,
  base,
  // scripts/solutions-check.ts builds beside `npm run build` with a cache of its own.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), sitemap()],
  security: {
    // A meta Content-Security-Policy on every page: scripts and style elements only from this
    // origin or by hash; inline style *attributes* allowed (KaTeX positions glyphs with them).
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      styleDirective: {
        resources: [
          { resource: "'self'", kind: 'element' },
          { resource: "'unsafe-inline'", kind: 'attribute' },
        ],
      },
    },
  },
  markdown: {
    // Prism marks code with classes; Shiki's inline styles would fight the CSP.
    syntaxHighlight: 'prism',
    // Astro 7's default processor (Sätteri) ignores remark/rehype plugins, so math
    // would silently stay as code. The unified pipeline renders KaTeX at build time.
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [
        rehypeKatexStrict,
        [rehypeKatex, { throwOnError: false, strict: 'ignore', output: 'htmlAndMathml' }],
        [rehypeUnpublishedLinks, { unpublished: UNPUBLISHED, base }],
        [rehypeBaseLinks, { base }],
        rehypeSectionNumbers,
      ],
    }),
  },
  vite: {
    // Client scripts read this constant, so a solutions-hidden build drops answer code entirely.
    define: { __SHOW_SOLUTIONS__: JSON.stringify(COURSE.showSolutions) },
    build: {
      // Inline nothing as data: URLs, so every asset is a same-origin file the CSP can allow.
      assetsInlineLimit: 0,
      rollupOptions: {
        onwarn(warning, warn) {
          // Astro 7 bug withastro/astro#18087: a harmless "use astro:head-inject" directive
          // warning for every MDX page. Everything else still reaches the log.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
