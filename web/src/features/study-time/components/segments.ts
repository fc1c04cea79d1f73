/*
 * What the player reports as played since the previous beat: continuous stretches of playback. A jump of the position
 * (a seek) closes the stretch and starts another at the new position, so skipped-over video is never reported.
 */

export type Segment = [number, number];

/** The largest step between two position updates that still counts as playing on (timeupdate fires ~4×/s; 2× speed). */
const MAX_STEP_SECONDS = 3;

export class SegmentTracker {
  private done: Segment[] = [];
  private current: Segment | null = null;

  /** A new position while playing: extends the stretch, or starts a new one after a seek. */
  played(position: number): void {
    const open = this.current;
    if (open && position >= open[1] && position - open[1] <= MAX_STEP_SECONDS) {
      open[1] = position;
      return;
    }
    this.close();
    this.current = [position, position];
  }

  /** Playback stopped (pause, seek, end): the stretch ends here. */
  close(): void {
    if (this.current && this.current[1] > this.current[0]) this.done.push(this.current);
    this.current = null;
  }

  /** The stretches since the last drain; an open stretch continues from where it was cut. */
  drain(): Segment[] {
    const open = this.current;
    const out = [...this.done, ...(open && open[1] > open[0] ? [[open[0], open[1]] as Segment] : [])];
    this.done = [];
    if (open) this.current = [open[1], open[1]];
    return out.map(([a, b]) => [Math.round(a * 100) / 100, Math.round(b * 100) / 100]);
  }
}
