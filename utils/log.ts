type Level = 'debug' | 'info' | 'warn' | 'error';

/**
 * The handler for a failure Iris gets past on its own (a badge not updated, a stream that
 * had already ended): it logs "Iris: <what>" and the error at `level`, and nothing else.
 * Written `.catch(logFailure('…'))`, or `logFailure('…')(error)` in a catch block.
 */
export function logFailure(what: string, level: Level = 'warn'): (error: unknown) => void {
  return (error) => console[level](`Iris: ${what}`, error);
}
