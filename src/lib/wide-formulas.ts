/**
 * A display formula wider than the column scrolls sideways (base.css draws a shadow at each edge
 * that has more to show). When one does, it also becomes a keyboard stop, named so a screen
 * reader says why, so it can be scrolled with the arrow keys. Widths change with the screen
 * and with KaTeX's fonts (each loads when a formula first needs it, which widens the formula but
 * not its box), so each formula on screen is measured when it comes into view, after a resize,
 * when a font has loaded, and when its contents are laid out.
 *
 * A display formula in the chapter's prose has `content-visibility: auto` (chapter.css): off-screen
 * its glyphs are not laid out, and it measures exactly as wide as its box. Coming on screen, it may
 * be seen by the intersection observer a frame before its glyphs are laid out; it keeps its box, so
 * nothing else would measure it again. So a formula whose contents are skipped is not judged, and
 * is measured once they are laid out (`contentvisibilityautostatechange`). (A layout test on a busy
 * machine caught two formulas that way, overflowing and not marked.)
 */
const NAME = 'Wide formula: scroll sideways to read all of it';

function mark(el: HTMLElement): void {
  if (el.firstElementChild?.checkVisibility({ contentVisibilityAuto: true }) === false) return; // not laid out yet
  if (el.scrollWidth > el.clientWidth + 1) {
    el.tabIndex = 0;
    el.setAttribute('role', 'group');
    el.setAttribute('aria-label', NAME);
  } else if (el.getAttribute('aria-label') === NAME) {
    el.removeAttribute('tabindex');
    el.removeAttribute('role');
    el.removeAttribute('aria-label');
  }
}

/** Watch every display formula on the page: call once. */
export function installWideFormulas(): void {
  const formulas = [...document.querySelectorAll<HTMLElement>('.katex-display')];
  if (formulas.length === 0) return;
  // A formula far off-screen is not laid out (content-visibility), so it is measured once it is
  // on screen, a frame later, and again whenever its width changes.
  const later = (el: HTMLElement): void => void requestAnimationFrame(() => mark(el));
  const inView = new Set<HTMLElement>();
  const seen = new IntersectionObserver((entries) => {
    for (const e of entries) {
      const el = e.target as HTMLElement;
      if (e.isIntersecting) {
        inView.add(el);
        later(el);
      } else inView.delete(el);
    }
  });
  document.fonts.addEventListener('loadingdone', () => inView.forEach(later));
  const resized = new ResizeObserver((entries) => {
    for (const e of entries) later(e.target as HTMLElement);
  });
  for (const f of formulas) {
    seen.observe(f);
    resized.observe(f);
    f.addEventListener('contentvisibilityautostatechange', (e) => {
      if (!(e as ContentVisibilityAutoStateChangeEvent).skipped) later(f);
    });
  }
}
