// The operator (操作人) whose name goes into every audit entry. Asked once, kept in the
// settings table under 'operator' (see loadOperator/saveOperator in repo.ts).

import { DomainError } from './errors';

let currentOperator = '';

export function setOperator(name: string): void {
  currentOperator = name.trim();
}

/** The current operator's name; '' until one is set or loaded. */
export function getOperator(): string {
  return currentOperator;
}

/** The current operator's name, for records that name their author (reviewer, publisher). */
export function requireOperator(): string {
  if (currentOperator === '') throw new DomainError('请先填写操作人姓名');
  return currentOperator;
}
