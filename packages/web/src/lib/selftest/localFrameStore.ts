/**
 * Frames the live analysis could not keep up with, kept in this tab's memory only (small JPEGs) so they
 * can be analysed right after the recording. Nothing here is ever uploaded; it is dropped with the page.
 */
export interface StoredFrame {
  t: number;
  jpeg: Blob;
}

export class LocalFrameStore {
  private frames: StoredFrame[] = [];

  add(frame: StoredFrame): void {
    this.frames.push(frame);
  }

  get size(): number {
    return this.frames.length;
  }

  /** Hands the frames over once, in time order, and forgets them. */
  drain(): StoredFrame[] {
    const out = this.frames.sort((a, b) => a.t - b.t);
    this.frames = [];
    return out;
  }
}
