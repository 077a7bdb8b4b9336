import type { Progress } from '../../shared/result';

export interface TransferSnapshot {
  /** What is happening now, e.g. "sending minutes.pdf". */
  phase: string;
  done: number;
  total: number;
}

/**
 * Files are sent (browser mode) or copied (desktop) one after another, each reporting its own
 * bytes. This folds those per-file events into one running total over every file, so a single
 * bar moves steadily from 0 to 100% however many files there are.
 */
export class TransferTracker {
  private completed = 0;
  private phase = '';
  private phaseDone = 0;
  private phaseTotal = 0;

  constructor(private readonly total: number) {}

  update(progress: Progress): TransferSnapshot {
    // A new phase, or the same name starting again (two files with one name), closes the last.
    if (progress.phase !== this.phase || progress.done < this.phaseDone) {
      this.completed += this.phaseTotal;
      this.phase = progress.phase;
    }
    this.phaseDone = progress.done;
    this.phaseTotal = progress.total;
    return this.snapshot();
  }

  snapshot(): TransferSnapshot {
    return {
      phase: this.phase,
      done: Math.min(this.total, this.completed + this.phaseDone),
      total: this.total,
    };
  }
}
