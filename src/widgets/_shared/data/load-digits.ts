/**
 * The page side of `MnistLoad.astro`: when the reader presses the load button, download, verify and decode the digits
 * in a worker with a progress bar, reveal the run controls and hand the digits to the widget. Failures leave the
 * build-time figure in place with a sentence saying why.
 */
import type { PropsTable } from '../state';
import type { WidgetElement } from '../widget-element';
import { loadInWorker } from './client';
import { DataError } from './load';
import { formatBytes, type DataFile } from './manifest';
import { decodeMnist, type Digits } from './mnist';

/** What the page needs to fetch and decode the file, written into `[data-mnist]` at build time. */
interface MnistClient {
  digits: DataFile;
  count: number;
  trainCount: number;
  side: number;
}

const message = (e: unknown): string => (e instanceof DataError ? e.message : `The data could not be read (${e instanceof Error ? e.message : String(e)}).`);

/** Download and decode the digits, showing progress inside `el`; throws a sentence-ready error. */
async function fetchDigits(el: Pick<WidgetElement<PropsTable>, 'querySelector' | 'out'>, c: MnistClient): Promise<Digits> {
  const progress = el.querySelector<HTMLProgressElement>('[data-download] progress');
  const payload = await loadInWorker(c.digits, ({ loaded, total }) => {
    if (progress) Object.assign(progress, { max: total, value: loaded });
    el.out('download', `${formatBytes(loaded)} of ${formatBytes(total)}`);
  });
  const digits = decodeMnist(payload, { count: c.count, shape: [c.side, c.side], trainCount: c.trainCount });
  el.out('download', `${formatBytes(c.digits.transferBytes)} downloaded, checksum verified`);
  return digits;
}

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
    try {
      const digits = await fetchDigits(el, client);
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
      el.setMessage('load', `${message(e)} The figure keeps the values computed when the book was built.`);
    }
  };
  button?.addEventListener('click', () => el.whenStarted(() => void load()));
}
