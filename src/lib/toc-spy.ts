/**
 * The contents follow the reader: the entry of the section being read is marked
 * (`aria-current="location"`), and on narrow screens a "Contents" button appears once the
 * contents box has scrolled out of view, leading back to it.
 */

/** The section being read: the last heading whose top has passed a line a fifth of the way down the screen. */
function current(headings: HTMLElement[]): HTMLElement | undefined {
  const line = innerHeight / 5;
  let found: HTMLElement | undefined;
  for (const h of headings) {
    if (h.getBoundingClientRect().top <= line) found = h;
    else break;
  }
  return found;
}

export function installTocSpy(toc: HTMLElement): void {
  const links = new Map<string, HTMLAnchorElement>();
  for (const a of toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) links.set(decodeURIComponent(a.hash.slice(1)), a);
  const headings = [...links.keys()].map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null);
  let marked: HTMLAnchorElement | undefined;
  let frame = 0;
  const update = (): void => {
    frame = 0;
    const link = links.get(current(headings)?.id ?? '');
    if (link === marked) return;
    marked?.removeAttribute('aria-current');
    link?.setAttribute('aria-current', 'location');
    marked = link;
    // Keep the marked entry visible in a contents box that scrolls on its own.
    if (link && getComputedStyle(toc).position === 'sticky') link.scrollIntoView({ block: 'nearest', behavior: 'instant' });
  };
  window.addEventListener('scroll', () => (frame ||= requestAnimationFrame(update)), { passive: true });
  update();

  const back = document.querySelector<HTMLElement>('.toc-return');
  if (back) {
    new IntersectionObserver((entries) => {
      back.hidden = entries.some((e) => e.isIntersecting);
    }).observe(toc);
  }
}
