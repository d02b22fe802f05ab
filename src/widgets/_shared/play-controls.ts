import { PlayLoop } from './play-loop';

/**
 * Wire the buttons rendered by `PlayControls.astro` inside `root` to a new `PlayLoop`:
 * play toggles (its label says what a press will do), step runs one slice, reset calls `onReset`.
 */
export function bindPlayControls(root: Element, work: (deadline: number) => boolean, draw: () => void, onReset: () => void): PlayLoop {
  const play = root.querySelector<HTMLButtonElement>('[data-action="play"]');
  const verb = play?.dataset['verb'] ?? 'Play';
  const loop = new PlayLoop(work, draw, (playing) => {
    if (!play) return;
    play.textContent = playing ? 'Pause' : verb;
  });
  play?.addEventListener('click', () => (loop.playing ? loop.pause() : loop.play()));
  root.querySelector('[data-action="step"]')?.addEventListener('click', () => loop.step());
  root.querySelector('[data-action="reset"]')?.addEventListener('click', () => {
    loop.pause();
    onReset();
  });
  return loop;
}
