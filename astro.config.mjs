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
import { normaliseBase } from './src/markdown/base.mjs';

const base = normaliseBase(process.env.BASE_PATH);
const site = process.env.SITE_URL || 'http://localhost:4321';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site,
  base,
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
        [rehypeBaseLinks, { base }],
        rehypeSectionNumbers,
      ],
    }),
  },
  vite: {
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
