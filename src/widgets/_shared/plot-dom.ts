/**
 * Make a chart Plot has just drawn fit the page: drop its inline `<style>` element (the site
 * stylesheet carries those rules, and the CSP allows no inline style elements) and the
 * `aria-label`s it puts on role-less groups (ARIA forbids them there; the figure's name and
 * description come from the widget's `role="img"` container instead).
 */
export function tidyPlot<E extends Element>(el: E): E {
  el.querySelector('style')?.remove();
  for (const node of el.querySelectorAll('[aria-label]')) if (!node.hasAttribute('role')) node.removeAttribute('aria-label');
  if (!el.hasAttribute('role')) el.removeAttribute('aria-label');
  el.setAttribute('aria-hidden', 'true');
  return el;
}
