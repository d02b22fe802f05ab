/**
 * In-page navigation that lands where it points.
 *
 * A chapter lays its off-screen prose out lazily (`content-visibility: auto`) and its widgets
 * grow a little when they start, so the page above a target can change height just after the
 * browser has scrolled to it: on a phone a section link used to stop thousands of pixels short.
 * `land()` puts the target in its place at once (no smooth scrolling: a long smooth scroll
 * through unrendered text is exactly what drifts) and then holds it there, frame by frame,
 * until the page around it has been still for a moment or the reader scrolls.
 *
 * Targets: `#section-id`, a widget's state link `#widget-id.key=value&…` (the widget), and a
 * control reached with the keyboard (kept on screen and clear of sticky figures and buttons).
 */
import { stateTarget } from '~/lib/hash';

/** Where the target should end up: `start` = its scroll-margin below the top; `visible` = anywhere clear on screen. */
export type Placement = 'start' | 'visible';

/** Frames without a correction after which the page counts as settled. */
const SETTLED_FRAMES = 12;
/** Longest a target is held (ms). */
const HOLD_MS = 4000;
/** Anything the reader does to scroll or type ends the hold. */
const READER_EVENTS = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

let release: (() => void) | undefined;

/** Space at the top and bottom of the screen covered by sticky or fixed things (a sticky figure, the contents button). */
function obstructions(el: Element): { top: number; bottom: number } {
  let top = 0;
  let bottom = 0;
  for (const cover of document.querySelectorAll<HTMLElement>('[data-obstructs]')) {
    if (cover.contains(el) || getComputedStyle(cover).position === 'static') continue;
    const r = cover.getBoundingClientRect();
    if (r.height === 0 || r.bottom <= 0 || r.top >= innerHeight) continue;
    if (r.top < innerHeight / 2) top = Math.max(top, r.bottom);
    else bottom = Math.max(bottom, innerHeight - r.top);
  }
  return { top, bottom };
}

/** How far to scroll so that `el` sits where `placement` wants it (0 when it already does). */
export function offsetFor(el: Element, placement: Placement): number {
  const r = el.getBoundingClientRect();
  if (placement === 'start') return r.top - (Number.parseFloat(getComputedStyle(el).scrollMarginTop) || 0);
  const { top, bottom } = obstructions(el);
  const room = innerHeight - top - bottom;
  if (r.top >= top && r.bottom <= innerHeight - bottom) return 0;
  // Centre it in the clear band; a control taller than the band shows its top.
  return r.height >= room ? r.top - top : r.top - top - (room - r.height) / 2;
}

/** Scroll instantly so `el` is in place; true if the page moved. */
function correct(el: Element, placement: Placement): boolean {
  const dy = offsetFor(el, placement);
  if (Math.abs(dy) < 1) return false;
  const before = scrollY;
  window.scrollBy({ top: dy, behavior: 'instant' });
  return Math.abs(scrollY - before) >= 1;
}

/** Bring `el` into place now and keep it there while the page around it settles. */
export function land(el: Element, placement: Placement = 'start'): void {
  release?.();
  for (let d = el.closest('details:not([open])'); d; d = d.parentElement?.closest('details:not([open])') ?? null) {
    (d as HTMLDetailsElement).open = true;
  }
  let held = true;
  let still = 0;
  const t0 = performance.now();
  const stop = (): void => {
    held = false;
    for (const type of READER_EVENTS) window.removeEventListener(type, stop, true);
    if (release === stop) release = undefined;
  };
  release = stop;
  for (const type of READER_EVENTS) window.addEventListener(type, stop, { capture: true, passive: true });
  const tick = (): void => {
    if (!held) return;
    still = correct(el, placement) ? 0 : still + 1;
    if (still < SETTLED_FRAMES && performance.now() - t0 < HOLD_MS) requestAnimationFrame(tick);
    else stop();
  };
  correct(el, placement);
  requestAnimationFrame(tick);
}

/** The element a hash points at: a section, or the widget named by a state link. */
export function targetOf(hash: string): HTMLElement | null {
  const id = stateTarget(hash);
  return id ? document.getElementById(id) : null;
}

function landHash(): void {
  const el = targetOf(location.hash);
  if (el) land(el);
}

/** A click on a link to a place on this page (a contents entry, a cross-reference, a "try this" link). */
function onClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const a = (event.target as Element | null)?.closest?.('a[href]');
  if (!(a instanceof HTMLAnchorElement) || !a.hash || a.pathname !== location.pathname || a.origin !== location.origin) return;
  const el = targetOf(a.hash);
  // After the browser's own jump (and the hash change it makes), hold the target in place.
  if (el) requestAnimationFrame(() => land(el));
}

/** A control reached with the keyboard stays on screen, clear of sticky figures. */
function onFocus(event: FocusEvent): void {
  const el = event.target;
  if (!(el instanceof HTMLElement) || el === document.body || !el.matches(':focus-visible')) return;
  if (el.closest('.toc') && getComputedStyle(el.closest('.toc') as Element).position === 'sticky') return;
  requestAnimationFrame(() => land(el, 'visible'));
}

/** Wire the page: call once. */
export function installLanding(): void {
  window.addEventListener('hashchange', landHash);
  document.addEventListener('click', onClick);
  document.addEventListener('focusin', onFocus);
  if (location.hash) landHash();
}
