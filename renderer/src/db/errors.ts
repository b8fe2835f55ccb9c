/**
 * A refusal the user can act on, with a Chinese message to show as is (a name clash, a
 * missing record, a database written by a newer program). Thrown inside a transaction it
 * aborts it: nothing is stored.
 */
export class DomainError extends Error {
  override name = 'DomainError';
}
