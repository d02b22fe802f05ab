/**
 * The two share buttons of `WidgetShell` ("Copy a link to this state", "Copy embed code"),
 * loaded by `WidgetElement` on the first click so that reading a page costs nothing (it imports
 * nothing the page has not loaded but `share.ts`). The text goes to the clipboard; when the
 * Clipboard API is missing or refused, it appears selected in a read-only field with a
 * sentence saying how to copy it.
 */
import { share } from './share';

export type ShareKind = 'link' | 'embed';

/** A widget element (`WidgetElement`): its settings as a hash. */
interface Stateful extends HTMLElement {
  stateHash(): string;
}

const COPIED: Record<ShareKind, string> = { link: 'Link copied.', embed: 'Embed code copied.' };
const LABEL: Record<ShareKind, string> = { link: 'Link to this state', embed: 'Embed code' };

/** The text a button copies for `widget`. */
export function shareText(kind: ShareKind, widget: Stateful): string {
  const title = widget.querySelector('.widget-title')?.textContent?.trim() ?? widget.id;
  const shared = share({
    origin: location.origin,
    base: import.meta.env.BASE_URL,
    pathname: location.pathname,
    id: widget.id,
    hash: widget.stateHash(),
    title,
    // The widget itself plus the embed page's padding and its line linking back to the book.
    height: widget.getBoundingClientRect().height + 120,
  });
  return kind === 'link' ? shared.link : shared.snippet;
}

/** Copy `kind` for `widget`, reporting in the status line of its `.widget-share` box. */
export async function copy(kind: ShareKind, widget: Stateful, box: HTMLElement): Promise<void> {
  const status = box.querySelector<HTMLElement>('.widget-share-status');
  const fallback = box.querySelector<HTMLElement>('.widget-share-fallback');
  const field = fallback?.querySelector('textarea');
  const label = fallback?.querySelector('label');
  if (!status || !fallback || !field || !label) return;
  const text = shareText(kind, widget);
  status.textContent = ''; // so that a second copy is announced again
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no Clipboard API');
    await navigator.clipboard.writeText(text);
    fallback.hidden = true;
    status.textContent = COPIED[kind];
  } catch {
    label.textContent = LABEL[kind];
    field.value = text;
    fallback.hidden = false;
    field.focus();
    field.select();
    status.textContent = `This browser did not let the page copy: the ${kind === 'link' ? 'link' : 'embed code'} is in the field below, selected; copy it with Ctrl+C (⌘C on a Mac).`;
  }
}
