// The other PCs' audit chains (peerAudit): each checked on its own, as this PC's chain is
// (auditChain.ts), and the merged log of the 操作日志 screen (every chain by time).
import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEntry } from '../../core/model';
import { hashAuditEntry } from '../auditChain';
import type { AuditFilter } from '../queries';
import { listAudit } from '../queries';
import { db } from '../schema';
import type { PeerAuditRow } from './types';

export interface PeerChainCheck {
  deviceId: string;
  label: string;
  ok: boolean;
  /** Entries checked (hashed, linked). */
  count: number;
  /** seq (on that PC) of the first entry that fails. */
  brokenAt?: number;
  reason?: 'hash' | 'link' | 'gap';
  message?: string;
}

/** Checks every other PC's chain: hashes, links, and no seq missing from where it starts. */
export async function verifyPeerChains(): Promise<PeerChainCheck[]> {
  const devices = (await db.peerAudit.orderBy('deviceId').uniqueKeys()) as string[];
  const out: PeerChainCheck[] = [];
  for (const deviceId of devices) {
    const rows = await db.peerAudit
      .where('[deviceId+dseq]')
      .between([deviceId, -Infinity], [deviceId, Infinity])
      .toArray();
    const label = rows.at(-1)?.deviceLabel || deviceId.slice(0, 8);
    out.push({ deviceId, label, ...checkChain(rows) });
  }
  return out;
}

/** One PC's chain, its entries in seq order. */
export function checkChain(rows: readonly PeerAuditRow[]): Omit<PeerChainCheck, 'deviceId' | 'label'> {
  let count = 0;
  let previous: AuditEntry | undefined;
  let expected = rows[0]?.chainStart ?? 1;
  for (const row of rows) {
    const entry = row.entry;
    const broken = (reason: 'hash' | 'link' | 'gap', message: string) => ({
      ok: false,
      count,
      brokenAt: row.dseq,
      reason,
      message,
    });
    if (row.dseq !== expected) {
      const missing = row.dseq - expected === 1 ? `第 ${expected} 条` : `第 ${expected}–${row.dseq - 1} 条`;
      return broken('gap', `缺少${missing}记录（可能尚未同步完成，或已被删除）`);
    }
    expected = row.dseq + 1;
    if (previous === undefined && entry.hash === undefined && entry.prevHash === undefined) continue; // legacy
    if (typeof entry.hash !== 'string') return broken('hash', `第 ${row.dseq} 条记录缺少校验值（可能被改动）`);
    if (hashAuditEntry(entry) !== entry.hash)
      return broken('hash', `第 ${row.dseq} 条记录的内容与其校验值不符（可能被改动）`);
    if (entry.prevHash !== (previous?.hash ?? ''))
      return broken('link', `第 ${row.dseq} 条记录与前一条的链接断开（前一条可能被删除或改动）`);
    previous = entry;
    count++;
  }
  return { ok: true, count };
}

/** A line of the merged log: this PC's entries have no device. */
export interface LogLine extends AuditEntry {
  device?: { id: string; label: string; seq: number };
}

/** This PC's and the other PCs' entries, newest first by time, filtered like listAudit (no limit: all). */
export async function listMergedAudit(filter: AuditFilter): Promise<LogLine[]> {
  const limit = filter.limit;
  const own: LogLine[] = await listAudit(filter);
  const entity = filter.entity || undefined;
  const operator = filter.operator || undefined;
  let peerRows = db.peerAudit
    .orderBy('at')
    .reverse()
    .filter((p) => (!entity || p.entry.entity === entity) && (!operator || p.entry.operator === operator));
  if (limit !== undefined) peerRows = peerRows.limit(limit);
  const peers = await peerRows.toArray();
  const lines: LogLine[] = [
    ...own,
    ...peers.map((p) => ({ ...p.entry, device: { id: p.deviceId, label: p.deviceLabel, seq: p.dseq } })),
  ];
  lines.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : (a.device?.id ?? '').localeCompare(b.device?.id ?? '')));
  return limit === undefined ? lines : lines.slice(0, limit);
}

/** Whether any other PC's entries are here (the log then shows the 电脑 column). */
export function usePeerCount(): number | undefined {
  return useLiveQuery(() => db.peerAudit.count(), []);
}

export function useMergedAudit(filter: AuditFilter): LogLine[] | undefined {
  const { entity, operator, limit } = filter;
  return useLiveQuery(() => listMergedAudit({ entity, operator, limit }), [entity, operator, limit]);
}

/** Operators of every chain (the log's filter). */
export function usePeerOperators(): string[] | undefined {
  return useLiveQuery(async () => {
    const names = new Set<string>();
    await db.peerAudit.each((p) => {
      if (p.entry.operator) names.add(p.entry.operator);
    });
    return [...names].sort();
  }, []);
}

/** Names of the PCs (device id → 本机名称), this one included. */
export function useDeviceLabels(): Map<string, string> | undefined {
  return useLiveQuery(async () => {
    const labels = new Map<string, string>();
    await db.peerAudit.each((p) => {
      if (p.deviceLabel) labels.set(p.deviceId, p.deviceLabel);
    });
    const own = (await db.syncState.get('device'))?.value as { deviceId: string; label: string } | undefined;
    if (own) labels.set(own.deviceId, `${own.label}（本机）`);
    return labels;
  }, []);
}
