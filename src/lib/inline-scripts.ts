import { createHash } from 'node:crypto';

/**
 * The few scripts that must run while the page is parsed, before the first paint. They are
 * inlined, and BaseLayout allows each one in the page's Content-Security-Policy by its SHA-256
 * hash (the policy is written in the head, before body components render, so the hashes are
 * registered there for every page). Keep them tiny.
 */
export const INLINE_SCRIPTS = {
  /** Apply the reader's saved theme, else the page follows prefers-color-scheme. */
  theme: `try{const t=localStorage.getItem('bl-theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}`,
  /** On narrow screens the contents box sits above the article: start it closed there, with no layout shift. */
  tocNarrow: `(()=>{const d=document.currentScript?.previousElementSibling?.querySelector('details');if(d&&!matchMedia('(min-width: 1100px)').matches)d.open=false})()`,
} as const;

/** The CSP source for a script body: `'sha256-' + base64(SHA-256(code))`. */
export function scriptHash(code: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(code).digest('base64')}`;
}
