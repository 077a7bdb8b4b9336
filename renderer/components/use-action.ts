import { useCallback, useState } from 'react';
import { messageOf } from '../../shared/error-message';

export interface Action {
  /**
   * Runs `work`, busy meanwhile. A failure becomes the problem to show (worded by `describe`, if
   * given, from the error's message) and the answer is false; success answers true.
   */
  run: (work: () => Promise<unknown>, describe?: (message: string) => string) => Promise<boolean>;
  busy: boolean;
  /** What went wrong the last time, or '' when nothing did. */
  problem: string;
  clear: () => void;
}

/** Something a button does that can fail: whether it is under way, and what went wrong. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  async function run(work: () => Promise<unknown>, describe = (message: string) => message) {
    setBusy(true);
    setProblem('');
    try {
      await work();
      return true;
    } catch (error) {
      setProblem(describe(messageOf(error)));
      return false;
    } finally {
      setBusy(false);
    }
  }
  // Stable, so it can be handed to an event listener added once.
  const clear = useCallback(() => setProblem(''), []);
  return { run, busy, problem, clear };
}
