import { useCallback, useState } from 'react';
import type { Grid } from '../../core/import/types';
import type { PickedFile } from '../../../../electron/shared/contract';
import { findImportedFiles, sha256Hex, type ImportedFile } from '../../db';
import { readWorkbookInWorker } from '../../io/excel/client';

export interface LoadedFile {
  key: string;
  name: string;
  sha256: string;
  status: 'reading' | 'refused' | 'ready';
  /** Why the file was refused. */
  message?: string;
  grid?: Grid;
  /** The same bytes were imported before (a batch not undone). */
  previous?: ImportedFile;
}

let nextKey = 0;

/**
 * The files of one import: each is hashed, checked against earlier imports and read in the
 * Excel worker on its own, so a refused or slow file never holds up the others.
 */
export function useImportFiles() {
  const [files, setFiles] = useState<LoadedFile[]>([]);

  const add = useCallback(async (picked: PickedFile[]) => {
    const entries = await Promise.all(
      picked.map(async (p) => ({ picked: p, file: { key: String(++nextKey), name: p.name, sha256: await sha256Hex(p.bytes), status: 'reading' as const } })),
    );
    const previous = await findImportedFiles(entries.map((e) => e.file.sha256));
    setFiles((current) => [
      ...current,
      ...entries.map(({ file }) => ({ ...file, previous: previous.find((p) => p.sha256 === file.sha256) })),
    ]);
    await Promise.all(
      entries.map(async ({ picked: p, file }) => {
        // The worker takes the bytes over (transfer), so it gets its own copy.
        const result = await readWorkbookInWorker(p.name, p.bytes.slice());
        setFiles((current) =>
          current.map((f) =>
            f.key !== file.key ? f : result.ok ? { ...f, status: 'ready', grid: result.grid } : { ...f, status: 'refused', message: result.message },
          ),
        );
      }),
    );
  }, []);

  const remove = useCallback((key: string) => setFiles((current) => current.filter((f) => f.key !== key)), []);
  const clear = useCallback(() => setFiles([]), []);
  return { files, add, remove, clear };
}
