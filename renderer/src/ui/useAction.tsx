import { useCallback, useState } from 'react';
import { Alert, type SxProps } from '@mui/material';
import { userMessage } from './errors';

export interface ActionMessage {
  severity: 'success' | 'error' | 'info';
  text: string;
}

/**
 * What a screen's buttons report: `run(work, done)` does the work and shows `done` (a text, or
 * one made from the work's result; none clears the message) when it succeeds, the refusal in
 * words when it fails; `fail(e)` shows a refusal caught elsewhere. ActionAlert places it.
 */
export function useAction() {
  const [message, setMessage] = useState<ActionMessage>();
  const fail = useCallback((e: unknown) => setMessage({ severity: 'error', text: userMessage(e) }), []);
  const run = useCallback(
    async <T,>(work: () => Promise<T>, done?: string | ((result: T) => string | undefined)): Promise<boolean> => {
      try {
        const result = await work();
        const text = typeof done === 'function' ? done(result) : done;
        setMessage(text === undefined ? undefined : { severity: 'success', text });
        return true;
      } catch (e) {
        fail(e);
        return false;
      }
    },
    [fail],
  );
  return { message, setMessage, run, fail };
}

/** The message of a useAction, closable. */
export function ActionAlert({
  message,
  onClose,
  sx,
  className,
}: {
  message: ActionMessage | undefined;
  onClose(): void;
  sx?: SxProps;
  className?: string;
}) {
  if (!message) return null;
  return (
    <Alert severity={message.severity} onClose={onClose} sx={sx} className={className}>
      {message.text}
    </Alert>
  );
}
