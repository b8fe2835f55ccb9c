// The operator (操作人) whose name goes into every audit entry. Asked once, kept in the
// settings table under 'operator' (see loadOperator/saveOperator in repo.ts).

let currentOperator = '';

export function setOperator(name: string): void {
  currentOperator = name.trim();
}

/** The current operator's name; '' until one is set or loaded. */
export function getOperator(): string {
  return currentOperator;
}
