/** Below this many articles no progress bar is drawn: the run is over before it would help. */
export const PROGRESS_MIN_FILES = 10;

/** The part of a terminal stream the bar needs (process.stderr fits). */
export interface TerminalStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/**
 * A one-line progress bar on a terminal, e.g. `factcheck [########------------]  812/2000 files`,
 * redrawn at most ten times a second. Anything else printed to the same terminal goes through
 * {@link Progress.interrupt} so the bar does not garble it.
 */
export class Progress {
  private shown = false;
  private lastDraw = 0;
  private done = 0;

  private constructor(
    private readonly stream: TerminalStream,
    private readonly total: number,
  ) {}

  /** A bar when `stream` is a terminal and there are enough files, otherwise `null`. */
  static create(stream: TerminalStream, total: number, enabled: boolean): Progress | null {
    if (!enabled || !stream.isTTY || total < PROGRESS_MIN_FILES || process.env.CI) return null;
    return new Progress(stream, total);
  }

  update(done: number): void {
    this.done = done;
    const now = Date.now();
    if (done < this.total && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.draw();
  }

  /** Clears the bar, runs `print`, then draws the bar again. */
  interrupt(print: () => void): void {
    const wasShown = this.shown;
    this.clear();
    print();
    if (wasShown) this.draw();
  }

  /** Removes the bar for good (call before the summary). */
  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }

  private draw(): void {
    const count = `${String(this.done).padStart(String(this.total).length)}/${this.total} files`;
    const room = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - count.length - 14));
    const filled = Math.round((room * this.done) / this.total);
    this.stream.write(`\r\x1b[Kfactcheck [${'#'.repeat(filled)}${'-'.repeat(room - filled)}] ${count}`);
    this.shown = true;
  }
}
