import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ColumnAliasTable } from '../../core/import/columns';
import { detectTemplate, templateLabels } from '../../core/import/template';
import type { Grid, ImportIssue, TemplateKind } from '../../core/import/types';
import type { PickedFile } from '../../../../electron/shared/contract';
import { findImportedFiles, sha256Hex, useSetting, type ImportedFile } from '../../db';
import { readWorkbookInWorker } from '../../io/excel/client';

interface FileBase {
  key: string;
  name: string;
  sha256: string;
  /** The same bytes were imported before (a batch not undone). */
  previous?: ImportedFile;
}

/** A chosen file: being read, refused with the reason, or read into its grid. */
export type LoadedFile = FileBase &
  ({ status: 'reading' } | { status: 'refused'; message: string } | { status: 'ready'; grid: Grid });
export type ReadFile = Extract<LoadedFile, { status: 'ready' }>;

let nextKey = 0;

/**
 * How long read files wait to be shown together. Files come back from the workers one by one;
 * showing each alone would render the screen once per file, so a batch of n files would
 * cost n renders of everything shown so far.
 */
const SHOW_EVERY_MS = 150;

/**
 * The files of one import: each is hashed, checked against earlier imports and read in the
 * Excel worker on its own, so a refused or slow file never holds up the others. Read files are
 * shown in groups (at most one update every SHOW_EVERY_MS, and at once when the last is in).
 */
export function useImportFiles() {
  const [files, setFiles] = useState<LoadedFile[]>([]);
  const read = useRef(new Map<string, { status: 'refused'; message: string } | { status: 'ready'; grid: Grid }>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const show = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const done = read.current;
    if (done.size === 0) return;
    read.current = new Map();
    setFiles((current) =>
      current.map((f) => {
        const outcome = done.get(f.key);
        return outcome ? { key: f.key, name: f.name, sha256: f.sha256, previous: f.previous, ...outcome } : f;
      }),
    );
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  const add = useCallback(
    async (picked: PickedFile[]) => {
      const entries = await Promise.all(
        picked.map(async (p) => ({
          picked: p,
          file: { key: String(++nextKey), name: p.name, sha256: await sha256Hex(p.bytes), status: 'reading' as const },
        })),
      );
      // findImportedFiles lists the newest import first: that one is shown for a file.
      const previous = new Map<string, ImportedFile>();
      for (const p of await findImportedFiles(entries.map((e) => e.file.sha256)))
        if (!previous.has(p.sha256)) previous.set(p.sha256, p);
      setFiles((current) => [
        ...current,
        ...entries.map(({ file }) => ({ ...file, previous: previous.get(file.sha256) })),
      ]);
      let left = entries.length;
      await Promise.all(
        entries.map(async ({ picked: p, file }) => {
          // The worker takes the bytes over (transfer), so it gets its own copy.
          const result = await readWorkbookInWorker(p.name, p.bytes.slice());
          read.current.set(
            file.key,
            result.ok ? { status: 'ready', grid: result.grid } : { status: 'refused', message: result.message },
          );
          if (--left === 0) show();
          else timer.current ??= setTimeout(show, SHOW_EVERY_MS);
        }),
      );
    },
    [show],
  );

  const remove = useCallback((key: string) => setFiles((current) => current.filter((f) => f.key !== key)), []);
  const clear = useCallback(() => setFiles([]), []);
  return { files, add, remove, clear };
}

/** A read file checked to be the template an import expects and mapped, or why it is left out. */
export type Mapped<R> = { refusal: string } | { result: R };

/** A read file and what its mapping read. */
export interface MappedFile<R> {
  file: ReadFile;
  result: R;
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
 * the files whose rows can be imported, with their mapping. Each file is mapped once, when it has been read (again
 * only when `map`, `kind`, `aliases` or `expectedHeaders` change). `used` stays empty while
 * a file is still being read: what an import would write is planned over the whole batch, once.
 * `map` must be stable (useCallback), or every render maps again.
 */
export function useMappedFiles<R extends { issues: ImportIssue[] }>(
  files: LoadedFile[],
  kind: TemplateKind,
  aliases: ColumnAliasTable | undefined,
  expectedHeaders: string,
  map: (grid: Grid) => R,
): { mapped: Map<string, Mapped<R>>; used: MappedFile<R>[] } {
  const mapOne = useCallback(
    (grid: Grid) => mapGrid(grid, kind, aliases, expectedHeaders, map),
    [kind, aliases, expectedHeaders, map],
  );
  // Results by file object: a file read earlier keeps its object, and its mapping.
  const cache = useMemo(() => ({ mapOne, byFile: new WeakMap<LoadedFile, Mapped<R>>() }), [mapOne]);
  const mapped = useMemo(() => {
    const result = new Map<string, Mapped<R>>();
    for (const file of files) {
      if (file.status !== 'ready') continue;
      let m = cache.byFile.get(file);
      if (!m) cache.byFile.set(file, (m = cache.mapOne(file.grid)));
      result.set(file.key, m);
    }
    return result;
  }, [files, cache]);
  const used = useMemo(() => {
    if (files.some((f) => f.status === 'reading')) return [];
    return files.flatMap((file): MappedFile<R>[] => {
      const m = file.status === 'ready' ? mapped.get(file.key) : undefined;
      return file.status === 'ready' && m && 'result' in m ? [{ file, result: m.result }] : [];
    });
  }, [files, mapped]);
  return { mapped, used };
}

/**
 * One import's files, from the choice to the mapping (the part the four import screens share):
 * the files chosen, read and mapped with the office's column aliases. `map` must be stable
 * (useCallback).
 */
export function useImportFlow<R extends { issues: ImportIssue[] }>(
  kind: TemplateKind,
  expectedHeaders: string,
  map: (grid: Grid, aliases: ColumnAliasTable | undefined) => R,
) {
  const importer = useImportFiles();
  const aliases = useSetting<ColumnAliasTable>('columnAliases');
  const mapWithAliases = useCallback((grid: Grid) => map(grid, aliases), [map, aliases]);
  const { mapped, used } = useMappedFiles(importer.files, kind, aliases, expectedHeaders, mapWithAliases);
  return { importer, mapped, used };
}

export type ImportFlow<R> = ReturnType<typeof useImportFlow<R & { issues: ImportIssue[] }>>;
