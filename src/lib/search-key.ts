/** True when `/` should stay a typed character: the reader is in a text field, a menu or an editable region. */
export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/** `/` anywhere on a page (except while typing in a field) focuses the header's search box. */
export function installSearchKey(): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || typingIn(event.target)) return;
    const box = document.querySelector<HTMLInputElement>('#site-search');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
}
