import { useCallback, useMemo, useState } from 'react';
import type { ColumnAliasTable } from '../../core/import/columns';
import { detectTemplate, templateLabels } from '../../core/import/template';
import type { Grid, ImportIssue, TemplateKind } from '../../core/import/types';
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
      picked.map(async (p) => ({
        picked: p,
        file: { key: String(++nextKey), name: p.name, sha256: await sha256Hex(p.bytes), status: 'reading' as const },
      })),
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
            f.key !== file.key
              ? f
              : result.ok
                ? { ...f, status: 'ready', grid: result.grid }
                : { ...f, status: 'refused', message: result.message },
          ),
        );
      }),
    );
  }, []);

  const remove = useCallback((key: string) => setFiles((current) => current.filter((f) => f.key !== key)), []);
  const clear = useCallback(() => setFiles([]), []);
  return { files, add, remove, clear };
}

export interface Mapped<R> {
  refusal?: string;
  result?: R;
}

/**
 * One read file checked to be the template this import expects, then mapped; or why it is left
 * out. What the reader noticed (grid.issues, such as picture cells read as empty) comes first
 * among the mapping's issues, so the preview lists it with the rest.
 */
export function mapGrid<R extends { issues: ImportIssue[] }>(
  grid: Grid,
  kind: TemplateKind,
  aliases: ColumnAliasTable | undefined,
  expectedHeaders: string,
  map: (grid: Grid) => R,
): Mapped<R> {
  const detected = detectTemplate(grid, { aliases });
  if (detected.kind !== kind) {
    const what = detected.kind ? `识别为“${templateLabels[detected.kind]}”` : `未找到${expectedHeaders}等表头`;
    return { refusal: `"${grid.fileName}"：不是${templateLabels[kind]}（${what}），未导入` };
  }
  const result = map(grid);
  return { result: grid.issues?.length ? { ...result, issues: [...grid.issues, ...result.issues] } : result };
}

/**
 * Each read file checked to be the template this import expects, then mapped; a file of
 * another kind is refused with what it looks like instead. Returns the mapping per file key and
 * the files whose rows can be imported. `map` must be stable (useCallback), or every render maps again.
 */
export function useMappedFiles<R extends { issues: ImportIssue[] }>(
  files: LoadedFile[],
  kind: TemplateKind,
  aliases: ColumnAliasTable | undefined,
  expectedHeaders: string,
  map: (grid: Grid) => R,
): { mapped: Map<string, Mapped<R>>; usedFiles: LoadedFile[] } {
  const mapped = useMemo(() => {
    const result = new Map<string, Mapped<R>>();
    for (const file of files) {
      if (file.status === 'ready') result.set(file.key, mapGrid(file.grid!, kind, aliases, expectedHeaders, map));
    }
    return result;
  }, [files, aliases, kind, expectedHeaders, map]);
  const usedFiles = useMemo(() => files.filter((f) => mapped.get(f.key)?.result), [files, mapped]);
  return { mapped, usedFiles };
}
