/**
 * Cancellation for scans: callers pass a token (the LSP adapter wraps its own); the engine checks it
 * between rules and files and every few thousand nodes, and stops by throwing ScanCancelled, which
 * only the caller that owns the token catches.
 */

export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export class ScanCancelled extends Error {
  constructor() {
    super('scan cancelled');
    this.name = 'ScanCancelled';
  }
}

export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ScanCancelled();
}

/** A token the owner cancels by calling cancel(). */
export class CancellationSource implements CancellationToken {
  private cancelled = false;
  get isCancellationRequested(): boolean {
    return this.cancelled;
  }
  cancel(): void {
    this.cancelled = true;
  }
}
