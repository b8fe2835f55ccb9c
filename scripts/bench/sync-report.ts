// The sync benchmark's section of BENCHMARKS.md (issue 16), between markers, so that
// `npm run bench -- --only sync` can replace it in the file and leave the other parts' results.
import type { Machine } from './report';
import { fmtSummary } from './stats';
import type { SyncResult } from './sync';

export const SYNC_BEGIN = '<!-- sync benchmark: begin -->';
export const SYNC_END = '<!-- sync benchmark: end -->';
const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : 'n/a');
const minutes = (ms: number) => (Number.isFinite(ms) ? `${(ms / 60_000).toFixed(1)} min` : 'n/a');
const rate = (docs: number, ms: number) => (Number.isFinite(ms) && ms > 0 ? Math.round(docs / (ms / 1000)) : NaN);
const n = (v: number) => (Number.isFinite(v) ? v.toLocaleString('en') : 'n/a');

/** Rows for the terminal's table. */
export function syncConsoleRows(s: SyncResult | undefined): { what: string; app: string }[] {
  if (!s || !Number.isFinite(s.firstSyncMs)) return [];
  return [
    {
      what: `(g) first sync, ${s.years} years (${n(s.docs)} docs) to an empty PC`,
      app: `${minutes(s.firstSyncMs)} (download ${minutes(s.downloadMs)}, write ${minutes(s.applyMs)}, then ${seconds(s.finishMs)})${s.complete ? '' : ' INCOMPLETE'}`,
    },
    { what: '(g) edit on A → in B’s database', app: s.latency.n > 0 ? fmtSummary(s.latency) : 'n/a' },
  ];
}

/** The section, markers included. */
export function syncSection(s: SyncResult | undefined, m: Machine): string {
  if (!s) return '';
  const out: string[] = [SYNC_BEGIN, '## (g) Several PCs: the office sync (issue 16)\n'];
  out.push(
    `Run ${m.date} on the machine above (load average before the whole run ${m.loadBefore.map((v) => v.toFixed(2)).join(' / ')}). Sources: \`scripts/bench/sync.ts\`, \`sync-data.ts\`. Server: the tests' CouchDB-compatible server (\`couchdb/testserver.mjs\`: express-pouchdb on PouchDB's memory adapter) in the benchmark's own Node process on 127.0.0.1; the PCs: the built app in Chromium, each its own browser profile (the new PC's on disk, as the desktop app keeps its data: an off-the-record profile's IndexedDB lives in memory under a quota that ten years exceed), set up through 数据安全 → 多机同步 with the browser build's network path.\n`,
  );
  if (s.error) out.push(`**Error:** ${s.error}\n`);
  const rows = Object.entries(s.rows)
    .map(([table, count]) => `${table} ${n(count)}`)
    .join(', ');
  const years = s.years === 1 ? 'one work year' : `${s.years} work years`;
  out.push(
    `**The data: ${years} of a large office**, generated (seeded) as the app's PCs leave them on the server: each year ${s.units} units, ${n(s.tasks)} tasks and every month of the work window — in all ${rows} rows — each month published, so every record of a month carries its publication's seal revision (revision 2, as the publishing PC writes it), plus the writing PC's audit chain, ${n(s.auditDocs)} entries (one per record, as the app logs imported rows). ${n(s.docs)} documents in all, built exactly as the app's pusher sends them. Put on the server beforehand in ${seconds(s.seedMs)} (not part of the sync).\n`,
  );
  const halves = (pair: [number, number] | undefined) =>
    pair ? `${seconds(pair[0])} / ${seconds(pair[1])} (${(pair[1] / pair[0]).toFixed(2)}×)` : 'n/a';
  out.push('| Measure | Result |\n|---|---|');
  out.push(
    `| **first sync of ${years} to an empty PC**: 开始同步 → the header's 已同步 | **${minutes(s.firstSyncMs)}** (${n(rate(s.docs, s.firstSyncMs))} docs/s) |`,
  );
  out.push(
    `| … of which 从服务器下载 (PouchDB replication into the local replica) | ${minutes(s.downloadMs)} (${n(rate(s.docs, s.downloadMs))} docs/s) |`,
  );
  out.push(
    `| … of which 写入本机数据库 (judged and written into the app's tables through the audited writer) | ${minutes(s.applyMs)} (${n(rate(s.docs, s.applyMs))} docs/s) |`,
  );
  out.push(
    `| … then 上传本机数据 (this PC's own changes; the push replication reads the replica once) and the live replication's first check, to 已同步 | ${seconds(s.finishMs)} |`,
  );
  out.push(`| 从服务器下载: first half of the documents / second half | ${halves(s.halves.download)} |`);
  out.push(`| 写入本机数据库: first half / second half | ${halves(s.halves.apply)} |`);
  out.push(
    `| every row arrived, table by table, the other PC's chain complete, no conflict | ${s.complete ? 'yes' : '**no**'} |`,
  );
  out.push(`| HTTP requests the server answered during it | ${n(s.requests)} |`);
  out.push(
    `| the PC's storage afterwards (IndexedDB on disk: the app's tables + the replica) | ${Number.isFinite(s.storageBytes) ? `${(s.storageBytes / 2 ** 20).toFixed(0)} MiB` : 'n/a'} |`,
  );
  out.push(
    `| the estimate the 多机同步 panel showed at a quarter of the download | ${s.estimate ? `“${s.estimate.text}” at ${seconds(s.estimate.atMs)}` : 'n/a'} |`,
  );
  out.push(
    `| **an edit on one PC → in the other PC's database** (a unit's phone, saved as typed on A; ${s.latency.n} edits after a warm-up; median (min–max)) | **${s.latency.n > 0 ? fmtSummary(s.latency) : 'n/a'}** |`,
  );
  out.push('');
  out.push(
    `- **The halves** show whether a first sync slows down as the PC fills: each step's second half of the documents against its first (1.00× is linear). The first sync is resumable (the replicator's checkpoints, the writer's cursor), so a PC that is closed in the middle goes on from there.`,
  );
  const writeNote = `Writing into the app's tables is the app's own work per document — judging which version shows (the seals of published months), the row, its \`syncMeta\` revision, the other PC's audit entry into \`peerAudit\` — done in memory for a batch of 500 documents and written a table at a time, with one audit entry of this PC and the cursor, in one transaction per batch; the spike's bare bridge wrote 2,820 docs/s, ${(2820 / rate(s.docs, s.applyMs)).toFixed(1)}× this rate. A CPU profile of this step (one year, 2026-12-05) found Chromium's main thread idle about half of the time, waiting for IndexedDB to store the rows`;
  const downloadNote = `The download is PouchDB's replication from the server into the local replica; the spike found the test server its bottleneck (the same replication from Node reached about 2× the browser's rate, and Chromium's own ceiling without a server was 3,100–3,600 docs/s)`;
  out.push(
    `- **What dominates:** ${s.downloadMs >= s.applyMs ? 'the download' : 'writing into the app’s tables'} (${minutes(Math.max(s.downloadMs, s.applyMs))} of ${minutes(s.firstSyncMs)}). ${s.downloadMs >= s.applyMs ? `${downloadNote}. ${writeNote}` : `${writeNote}. ${downloadNote}`}. A real CouchDB 3 on an intranet server should serve the download faster, not slower, but was not available here — measure there before promising a number. The server, the browser and this Node process shared the 2 cores (see the load average above).`,
  );
  out.push(
    `- **The delay of an edit** is the live replication's: A's pusher puts the change into its local replica and PouchDB sends it; B's live pull (a long-poll \`_changes\` feed) receives it, and B's puller writes it through the writer. On one machine without network latency it is mostly PouchDB's own round trips (about 17 HTTP requests per edit in the sync spike); on an office LAN add a few milliseconds per round trip. Measured on a small office database (one unit); the feed is incremental, so the size of the office should not change it.`,
  );
  out.push(SYNC_END);
  return out.join('\n') + '\n';
}

/** `file` with its sync section replaced by `section` (or `section` appended where there is none). */
export function spliceSyncSection(file: string, section: string): string {
  const begin = file.indexOf(SYNC_BEGIN);
  const end = file.indexOf(SYNC_END);
  if (begin >= 0 && end > begin) return file.slice(0, begin) + section.trimEnd() + file.slice(end + SYNC_END.length);
  return `${file.trimEnd()}\n\n${section}`;
}
