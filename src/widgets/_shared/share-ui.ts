/**
 * The two share buttons of `WidgetShell` ("Copy a link to this state", "Copy embed code"),
 * loaded on the first click so that reading a page costs nothing. The text goes to the
 * clipboard; when the Clipboard API is missing or refused, it appears selected in a read-only
 * field with a sentence saying how to copy it.
 */
import { BASE } from '~/lib/url';
import { share } from './share';
import { serializeState, type PropsTable, type Values } from './state';

export type ShareKind = 'link' | 'embed';

/** What a widget element offers once its custom element is defined (`WidgetElement`). */
interface Stateful {
  props?: PropsTable;
  values?: Values<PropsTable>;
}

const COPIED: Record<ShareKind, string> = { link: 'Link copied.', embed: 'Embed code copied.' };
const LABEL: Record<ShareKind, string> = { link: 'Link to this state', embed: 'Embed code' };

/** The widget's settings as a hash; a plain `#<id>` while its element is not defined (its script failed). */
function stateHash(widget: HTMLElement & Stateful): string {
  if (widget.props && widget.values) return serializeState(widget.props, widget.id, widget.values);
  return `#${encodeURIComponent(widget.id)}`;
}

/** The text a button copies for `widget`. */
export function shareText(kind: ShareKind, widget: HTMLElement & Stateful): string {
  const title = widget.querySelector('.widget-title')?.textContent?.trim() ?? widget.id;
  const shared = share({
    origin: location.origin,
    base: BASE,
    pathname: location.pathname,
    id: widget.id,
    hash: stateHash(widget),
    title,
    // The widget itself plus the embed page's padding and its line linking back to the book.
    height: widget.getBoundingClientRect().height + 120,
  });
  return kind === 'link' ? shared.link : shared.snippet;
}

/** Copy `kind` for the widget that holds `box` (a `.widget-share`), reporting in its status line. */
export async function copy(kind: ShareKind, box: HTMLElement): Promise<void> {
  const widget = box.closest<HTMLElement & Stateful>('[data-widget]');
  const status = box.querySelector<HTMLElement>('.widget-share-status');
  const fallback = box.querySelector<HTMLElement>('.widget-share-fallback');
  const field = fallback?.querySelector('textarea');
  const label = fallback?.querySelector('label');
  if (!widget || !status || !fallback || !field || !label) return;
  const text = shareText(kind, widget);
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
