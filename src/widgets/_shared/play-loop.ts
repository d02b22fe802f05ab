/**
 * A play/pause/step loop for widgets that train or animate. Each animation frame it runs
 * `work(deadline)` (do a slice of computation until `performance.now()` passes `deadline`;
 * return `false` when finished), then `draw()`. It pauses itself while the widget is off-screen
 * and resumes when it returns, but only if the reader had pressed play.
 */
/** A frame that starts this long after the previous one (ms) came late: a 60 Hz frame is 16.7 ms. */
const LATE_MS = 21;
/** The frame target never drops below this (ms), so a run still advances on a slow machine. */
const MIN_TARGET_MS = 5;

export class PlayLoop {
  private frame = 0;
  private wanted = false;
  private hidden = false;
  /** Most milliseconds of work per frame; less when drawing is slow, so work + draw fits a 60 fps frame. */
  budgetMs = 8;
  /** Target for work + draw per frame (ms), a little under the 16.7 ms of a 60 Hz frame. */
  frameTargetMs = 14;
  private drawMs = 0;
  /**
   * The frame target in force: `frameTargetMs`, cut by a quarter whenever a frame came late (the browser's own style,
   * layout and paint of the drawing did not fit in what was left), and won back slowly while frames are on time.
   */
  private target = 0;
  /** When the previous frame of this loop started (0: no previous frame, e.g. after a pause). */
  private lastStart = 0;
  /** Durations of the last frames' work + draw, for measuring frame cost (ms). */
  readonly frameTimes: number[] = [];

  constructor(
    private readonly work: (deadline: number) => boolean,
    private readonly draw: () => void,
    private readonly onState: (playing: boolean) => void = () => {},
  ) {}

  /** True while the loop is meant to run: playing, or paused only because the widget is off-screen. */
  get active(): boolean {
    return this.wanted;
  }

  /** True while frames are being scheduled. */
  get playing(): boolean {
    return this.frame !== 0;
  }

  /** Start (or resume) running frames until `work` reports it has finished or `pause()` is called. */
  play(): void {
    this.wanted = true;
    if (!this.hidden) this.schedule();
    this.onState(true);
  }

  /** Stop after the current frame; the figure keeps its last drawing. */
  pause(): void {
    this.wanted = false;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.lastStart = 0;
    this.onState(false);
  }

  /** Run exactly one slice of work and draw it (for the Step button); pauses a running loop first. */
  step(): void {
    if (this.playing || this.wanted) this.pause();
    this.work(performance.now() + this.budgetMs);
    this.draw();
  }

  /** Tell the loop whether its widget is on screen: off-screen frames are not scheduled. */
  setVisible(visible: boolean): void {
    this.hidden = !visible;
    if (this.hidden) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
      this.lastStart = 0;
    } else if (this.wanted && !this.frame) this.schedule();
  }

  /** Work budget for the next frame: what the frame target leaves after the typical draw, between 2 ms and `budgetMs`. */
  private workBudget(): number {
    return Math.min(this.budgetMs, Math.max(2, this.target - this.drawMs));
  }

  /** Adapt the frame target to how late this frame (starting at `start`) came after the previous one. */
  private pace(start: number): void {
    const late = this.lastStart > 0 && start - this.lastStart > LATE_MS;
    this.target = late
      ? Math.max(MIN_TARGET_MS, 0.75 * (this.target || this.frameTargetMs))
      : Math.min(this.frameTargetMs, (this.target || this.frameTargetMs) + 0.05);
    this.lastStart = start;
  }

  private schedule(): void {
    if (this.frame) return; // one frame in flight at a time, however often play() is called
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const start = performance.now();
      this.pace(start);
      const more = this.work(start + this.workBudget());
      const drawStart = performance.now();
      this.draw();
      const end = performance.now();
      this.drawMs = this.drawMs === 0 ? end - drawStart : 0.8 * this.drawMs + 0.2 * (end - drawStart);
      this.frameTimes.push(end - start);
      if (this.frameTimes.length > 120) this.frameTimes.shift();
      if (more && this.wanted && !this.hidden) this.schedule();
      else if (!more) this.pause();
    });
  }
}
