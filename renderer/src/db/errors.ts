/**
 * A refusal the user can act on, with a Chinese message to show as is (a name clash, a
 * missing record, a database written by a newer program). Thrown inside a transaction it
 * aborts it: nothing is stored.
 */
export class DomainError extends Error {
  override name = 'DomainError';
}

/** The error and the causes it wraps (Dexie wraps the browser's error as `inner`), outermost first. */
export function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (
    let e = error;
    e && chain.length < 5;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause
  )
    chain.push(e);
  return chain;
}

/**
 * Whether the browser refused to store because the disk (or its storage quota) is full: the
 * transaction that could not be written is reported by Dexie as an AbortError around it.
 */
export function isStorageFull(error: unknown): boolean {
  return errorChain(error).some((e) => (e as { name?: string })?.name === 'QuotaExceededError');
}
