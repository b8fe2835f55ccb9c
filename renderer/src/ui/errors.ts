import { DomainError } from '../db';

/** The message to show a user for a failed action: ours verbatim, anything else with its cause. */
export function userMessage(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  if (error instanceof Error) return `操作失败：${error.message}`;
  return `操作失败：${String(error)}`;
}
