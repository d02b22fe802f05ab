import { stateTarget } from '~/lib/hash';
import { fmt, reading, textOf, valueOf, type Readout } from './format';
import { describeRejections, parseState, parseValue, serializeState, type PropsTable, type Values } from './state';

type Control = HTMLInputElement | HTMLSelectElement;

/** The widget the reader last used (pointer or keyboard); only its settings go into the URL. */
let lastTouched: Element | undefined;
const touch = (event: Event): void => {
  lastTouched = event.currentTarget as Element;
};

/**
 * Base class of every widget's custom element. It owns what all widgets share: reading and
 * writing settings in the URL hash, wiring `[data-prop]` controls to `values`, going live only
 * when the reader first touches the widget (see `begin`), and pausing animations off-screen.
 * Subclasses declare `props`, implement `start()` (load heavy modules) and `update()` (redraw).
 */
export abstract class WidgetElement<T extends PropsTable> extends HTMLElement {
  abstract readonly props: T;
  values!: Values<T>;
  /** True once `start()` has resolved: heavy modules are loaded and the figure is live. */
  started = false;
  /** True while the element intersects the viewport. */
  visible = false;
  /** `prefers-reduced-motion: reduce` at the time of the last check. */
  get reducedMotion(): boolean {
    return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  private frame = 0;
  private urlTimer = 0;
  private starting: Promise<void> | undefined;
  private observer: IntersectionObserver | undefined;
  private resize: ResizeObserver | undefined;
  private messages = new Map<string, string>();

  /** Load what the live figure needs (Plot, the tensor package); called once, by `begin()`. */
  protected abstract start(): Promise<void>;
  /** Redraw the figure and readouts from `values`; called in an animation frame after any change. */
  protected abstract update(): void;
  /** Called when the element leaves or re-enters the viewport; animations pause here. */
  protected onVisibility(_visible: boolean): void {}

  connectedCallback(): void {
    const { values, rejected } = parseState(this.props, this.id, location.hash);
    this.values = values;
    this.setMessage('url', describeRejections(rejected));
    window.addEventListener('hashchange', this.onHashChange);
    for (const type of ['pointerdown', 'keydown', 'input']) this.addEventListener(type, touch);
    for (const type of ['pointerdown', 'keydown', 'focusin']) this.addEventListener(type, () => void this.begin(), { once: true });
    if (stateTarget(location.hash) === this.id) void this.begin();
    for (const el of this.controls()) this.bindControl(el);
    this.syncControls();
    const panel = this.querySelector<HTMLElement>('.widget-controls');
    if (panel) panel.hidden = false;
    this.wireShare();
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: '200px 0px' });
    this.observer.observe(this);
    this.resize = new ResizeObserver(() => this.resized());
    this.resize.observe(this);
  }

  /** Show the share buttons (WidgetShell), whose code loads on the first click. */
  private wireShare(): void {
    const box = this.querySelector<HTMLElement>('.widget-share');
    if (!box) return;
    box.hidden = false;
    box.addEventListener('click', (event) => {
      const kind = (event.target as Element).closest<HTMLElement>('[data-share]')?.dataset['share'];
      if (kind === 'link' || kind === 'embed') void import('./share-ui').then((m) => m.copy(kind, this, box));
    });
  }

  /** This widget's settings as a URL hash, `#<id>.<key>=<value>&…` (`#<id>` at the defaults). */
  stateHash(): string {
    return serializeState(this.props, this.id, this.values);
  }

  /** The widget changed size (and once when first observed): the phone pager follows. */
  protected resized(): void {
    this.markScrollable();
  }

  disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    this.observer?.disconnect();
    this.resize?.disconnect();
    cancelAnimationFrame(this.frame);
  }

  /**
   * A link on the page such as `#depth-gradients.depth=20` applies its settings (the page's
   * landing script, `~/lib/landing`, brings the widget into view).
   */
  private readonly onHashChange = (): void => {
    if (stateTarget(location.hash) === this.id) void this.begin();
    if (!location.hash.includes(`${this.id}.`)) return;
    const { values, rejected } = parseState(this.props, this.id, location.hash);
    this.setMessage('url', describeRejections(rejected));
    this.set(values);
  };

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    const visible = entries.some((e) => e.isIntersecting);
    if (visible === this.visible) return;
    this.visible = visible;
    this.onVisibility(visible);
  }

  /**
   * Go live: load what the live figure needs (Plot, the tensor package) and draw it. Until then
   * the build-time figure shows the same values. A widget goes live when the reader first
   * touches it (pointer, keyboard or focus), or when a link points at it — never just because
   * it scrolled by, so reading a chapter fetches no charting code nobody uses.
   */
  protected begin(): Promise<void> {
    this.starting ??= this.start()
      .then(() => {
        this.started = true;
        this.update();
        this.markScrollable();
        this.setAttribute('data-ready', '');
      })
      .catch((error: unknown) => {
        this.setMessage('start', `This figure could not start (${error instanceof Error ? error.message : String(error)}). The static figure stays in place.`);
      });
    return this.starting;
  }

  /** Run `action` once the widget is live (at once if it is): a button pressed before the live figure loaded still acts. */
  whenStarted(action: () => void): void {
    if (this.started) action();
    else
      void this.begin().then(() => {
        if (this.started) action();
      });
  }

  private controls(): Control[] {
    return [...this.querySelectorAll<Control>('[data-prop]')];
  }

  private bindControl(el: Control): void {
    const key = el.dataset['prop'] ?? '';
    const prop = this.props[key];
    if (!prop) return;
    const onChange = (): void => {
      const raw = el instanceof HTMLInputElement && el.type === 'checkbox' ? String(el.checked) : el.value;
      const parsed = parseValue(prop, raw);
      const label = el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent?.trim() ?? key;
      if (!parsed.ok) {
        el.setAttribute('aria-invalid', 'true');
        this.setMessage(`input:${key}`, `${label} ${parsed.reason}; keeping ${String((this.values as Record<string, unknown>)[key])}.`);
        return;
      }
      el.removeAttribute('aria-invalid');
      this.setMessage(`input:${key}`, '');
      this.set({ [key]: parsed.value } as Partial<Values<T>>);
    };
    el.addEventListener(el instanceof HTMLInputElement && el.type === 'number' ? 'change' : 'input', onChange);
  }

  /** Change some settings, reflect them in the controls and the URL, and schedule a redraw. */
  set(patch: Partial<Values<T>>): void {
    this.values = { ...this.values, ...patch };
    this.syncControls();
    this.requestUpdate();
    clearTimeout(this.urlTimer);
    this.urlTimer = window.setTimeout(() => this.writeUrl(), 250);
  }

  /**
   * On a phone several charts form a row the reader swipes (see widgets.css). While that row
   * overflows it is a keyboard stop (arrow keys scroll it) and the pager under it says which
   * chart is showing, with buttons to step between them.
   */
  private markScrollable(): void {
    const figure = this.querySelector<HTMLElement>('.widget-figure');
    const pager = this.querySelector<HTMLElement>('.widget-pager');
    if (!figure || !pager) return;
    const charts = figure.children.length;
    const rows = figure.scrollWidth > figure.clientWidth + 1 && charts > 1;
    if (rows) figure.tabIndex = 0;
    else figure.removeAttribute('tabindex');
    pager.hidden = !rows;
    if (!rows) return;
    if (!pager.dataset['wired']) this.wirePager(figure, pager);
    const at = Math.min(charts, Math.round(figure.scrollLeft / Math.max(1, figure.clientWidth)) + 1);
    this.out('pager', `Chart ${at} of ${charts}`);
    for (const b of pager.querySelectorAll<HTMLButtonElement>('button')) {
      b.setAttribute('aria-disabled', String(Number(b.dataset['pager']) < 0 ? at <= 1 : at >= charts));
    }
  }

  private wirePager(figure: HTMLElement, pager: HTMLElement): void {
    pager.dataset['wired'] = '1';
    pager.querySelector('.widget-pager-status')?.setAttribute('data-out', 'pager');
    for (const b of pager.querySelectorAll<HTMLButtonElement>('button')) {
      b.addEventListener('click', () =>
        figure.scrollBy({ left: Number(b.dataset['pager']) * figure.clientWidth, behavior: this.reducedMotion ? 'instant' : 'smooth' }),
      );
    }
    let frame = 0;
    figure.addEventListener('scroll', () => (frame ||= requestAnimationFrame(() => ((frame = 0), this.markScrollable()))), { passive: true });
  }

  /** Schedule `update()` for the next animation frame (coalescing many changes into one draw). */
  requestUpdate(): void {
    if (!this.started || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.update();
    });
  }

  /**
   * Put this widget's settings in the URL, replacing whatever the hash held — but only when the
   * reader is using this widget (or the link was already this widget's): a widget adjusting
   * itself must not overwrite the section or figure a reader's link points at.
   */
  private writeUrl(): void {
    if (lastTouched !== this && stateTarget(location.hash) !== this.id) return;
    history.replaceState(history.state, '', `${location.pathname}${location.search}${this.stateHash()}`);
  }

  private syncControls(): void {
    for (const el of this.controls()) {
      const key = el.dataset['prop'] ?? '';
      const v = (this.values as Record<string, unknown>)[key];
      if (v === undefined || el.getAttribute('aria-invalid') === 'true') continue;
      if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = Boolean(v);
      else if (el !== document.activeElement || el.type === 'range') el.value = String(v);
    }
    for (const out of this.querySelectorAll<HTMLOutputElement>('output[data-readout]')) {
      const key = out.dataset['readout'] ?? '';
      const v = (this.values as Record<string, unknown>)[key];
      if (typeof v !== 'number') continue;
      const r = reading(v, fmt(v, Number(out.dataset['decimals'] ?? 2)));
      out.textContent = r.text;
      out.dataset['value'] = valueOf(r) ?? '';
    }
  }

  /** Show (or with `''` clear) one of the widget's messages in its `.widget-note`. */
  setMessage(topic: string, text: string): void {
    if (text) this.messages.set(topic, text);
    else this.messages.delete(topic);
    const note = this.querySelector<HTMLElement>('.widget-note');
    if (!note) return;
    note.textContent = [...this.messages.values()].join(' ');
    note.hidden = this.messages.size === 0;
  }

  /** Replace the text alternative of the chart (read politely by screen readers). */
  describe(text: string): void {
    const el = this.querySelector('.widget-description');
    if (el && el.textContent !== text) el.textContent = text;
  }

  /** Show a readout in `[data-out=name]` elements: its text, and for a number its value as `data-value`. */
  out(name: string, readout: Readout): void {
    const text = textOf(readout);
    const value = valueOf(readout);
    for (const el of this.querySelectorAll(`[data-out="${name}"]`)) {
      if (el.textContent !== text) el.textContent = text;
      if (value === undefined) el.removeAttribute('data-value');
      else el.setAttribute('data-value', value);
    }
  }
}
