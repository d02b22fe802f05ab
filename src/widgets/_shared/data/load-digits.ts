/**
 * The page side of `MnistLoad.astro`: when the reader presses the load button, download, verify and decode the digits
 * in a worker with a progress bar, reveal the run controls and hand the digits to the widget. Failures leave the
 * build-time figure in place with a sentence saying why. The download code (`fetch-digits.ts`) loads on the press.
 */
import type { PropsTable } from '../state';
import type { WidgetElement } from '../widget-element';
import type { MnistClient } from './fetch-digits';
import type { Digits } from './mnist';

/**
 * Wire the load button of `MnistLoad.astro` inside `el`: a press (acted on once the widget has started) loads the
 * digits, hides the button, shows every `[data-run-area]` (the run controls; a run's progress bar, which would read
 * as a computation under way before there is one), calls `loaded` and presses the widget's play button.
 */
export function wireDigitsLoad<T extends PropsTable>(el: WidgetElement<T>, loaded: (d: Digits) => void): void {
  const client = JSON.parse(el.querySelector<HTMLElement>('[data-mnist]')?.dataset['mnist'] ?? '{}') as MnistClient;
  const button = el.querySelector<HTMLButtonElement>('[data-action="load"]');
  const bar = el.querySelector<HTMLElement>('[data-download]');
  let busy = false;
  const load = async (): Promise<void> => {
    if (!button || busy) return;
    busy = button.disabled = true;
    if (bar) bar.hidden = false;
    el.setMessage('load', '');
    const fetching = import('./fetch-digits');
    try {
      const digits = await (await fetching).fetchDigits(el, client);
      for (const [sel, hide] of [
        ['[data-load-row]', true],
        ['[data-run-area]', false],
      ] as const) {
        for (const part of el.querySelectorAll<HTMLElement>(sel)) part.hidden = hide;
      }
      loaded(digits);
      el.querySelector<HTMLButtonElement>('[data-run-controls] [data-action="play"]')?.click();
    } catch (e) {
      busy = button.disabled = false;
      if (bar) bar.hidden = true;
      const text = await fetching.then(
        (m) => m.message(e),
        () => 'The code that downloads the digits could not be loaded (are you offline?).',
      );
      el.setMessage('load', `${text} The figure keeps the values computed when the book was built.`);
    }
  };
  button?.addEventListener('click', () => el.whenStarted(() => void load()));
}
