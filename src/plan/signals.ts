/** Holds SIGINT/SIGTERM while files are half-written; see `deferSignals`. */
export interface SignalGuard {
  /** The first signal received since the guard was installed. */
  readonly received: NodeJS.Signals | undefined;
  /** Removes the handlers; signals after this get Node's default behaviour again. */
  release(): void;
}

/**
 * Installs handlers that only record SIGINT and SIGTERM, so the process is not killed between
 * two renames. Having a listener is what stops Node's default exit; the caller polls
 * `received` between steps and winds down itself. Other listeners (installed elsewhere in the
 * CLI) still run: they must not exit while a guard is held.
 *
 * @example
 * const guard = deferSignals();
 * try { await step(); if (guard.received) await undo(); } finally { guard.release(); }
 */
export function deferSignals(signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM']): SignalGuard {
  let received: NodeJS.Signals | undefined;
  // One handler per signal, naming it itself: `process.emit('SIGINT')` passes no argument.
  const handlers = signals.map((signal) => {
    const handler = (): void => {
      received ??= signal;
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return {
    get received() {
      return received;
    },
    release() {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
  };
}
