// The audit log as a hash chain (PRODUCT §8: tamper-evident audit log). Each entry keeps
// `prevHash`, the `hash` of the entry before it (by seq), and its own `hash`: the SHA-256 of
// its canonical form (below), which includes `prevHash`. Editing an entry in the database
// makes its hash disagree with its content; deleting one (or editing one and fixing its
// hash) breaks the link of the entry after it. verifyAuditChain finds the first such place.
//
// The canonical form of an entry is the canonical JSON of the entry without `seq` (given by
// the database, not known when the hash is computed) and without `hash` itself:
// - objects: their own enumerable string keys sorted by UTF-16 code units (the default
//   Array.prototype.sort order), recursively; a key whose value is undefined is left out;
// - arrays in order, undefined elements as null;
// - strings, numbers, booleans and null as JSON.stringify writes them (NaN and ±Infinity
//   become null, -0 becomes 0); a value with toJSON (a Date) as what toJSON returns;
// - no whitespace. The JSON text is hashed as UTF-8; the hash is 64 lower-case hex digits.
// The entries hold JSON-like data (the rows of core/model.ts), for which this is exact.
//
// The hash is synchronous (@noble/hashes, not crypto.subtle): it is computed inside the
// write transaction, where awaiting anything but Dexie would commit the transaction early.
//
// Genesis: the first hashed entry has prevHash ''. Entries written before the chain existed
// (no hash, no prevHash) are legacy: verification starts after them and reports how many there
// are. seq must run without gaps along the chain: IndexedDB reverts its key generator when a
// transaction aborts (fake-indexeddb and Chromium both do; e2e/audit-chain.spec.ts), so a gap
// behind an intact link means the newest entries of the time were deleted and the log was
// written to after that. What a chain cannot show: removing the newest entries with nothing
// written since, or an edit that recomputes every later hash too (tamper-evident, not signed).
// Anything writing audit entries outside AuditedWriter (a restore) must add them through
// appendAuditEntries, or the verification stops at them ('缺少校验值').

import { Dexie } from 'dexie';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { AuditEntry } from '../core/model';
import { db } from './schema';

/** The canonical JSON text of `value` (see the top of this file). */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'bigint':
      return quote(value.toString());
    case 'object':
      break;
    default: // function, symbol: JSON leaves them out, IndexedDB cannot store them
      return 'null';
  }
  const withJson = value as { toJSON?: unknown };
  if (typeof withJson.toJSON === 'function') return canonicalJson((withJson.toJSON as () => unknown).call(value));
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  let text = '{';
  for (const key of Object.keys(record).sort()) {
    const field = record[key];
    if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
    text += (text.length === 1 ? '' : ',') + quote(key) + ':' + canonicalJson(field);
  }
  return `${text}}`;
}

/** Characters JSON.stringify escapes in a string: quote, backslash, controls, lone surrogates. */
// eslint-disable-next-line no-control-regex -- exactly the characters JSON.stringify escapes
const needsEscape = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify of a string, skipped for the usual string that needs no escape. */
function quote(text: string): string {
  return needsEscape.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * The hash of an audit entry: SHA-256 (hex) of the canonical JSON of the entry without `seq`
 * and `hash` (its prevHash included). The one hash function of the chain: the writer stores
 * it, the verifier recomputes it.
 */
export function hashAuditEntry(entry: AuditEntry): string {
  const { seq: _seq, hash: _hash, ...content } = entry;
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(content))));
}

/** The chain state of one IndexedDB transaction: the hash the next entry links to. */
interface ChainTail {
  ready: PromiseLike<unknown>;
  prev: string;
}

/** Keyed by the IndexedDB transaction, which nested Dexie transactions share with their parent. */
const tails = new WeakMap<object, ChainTail>();

/**
 * Adds `entries` to the audit log, chained: each gets the hash of the entry before it as
 * prevHash and its own hash. Only inside a read-write transaction that includes the audit
 * table (writeTransaction). The newest entry is read once per transaction; from then on the
 * entries of the transaction chain to each other in the order their requests are issued,
 * which is the order of their seq, also when several writes of one scope run in parallel.
 */
export async function appendAuditEntries(entries: readonly AuditEntry[]): Promise<void> {
  const trans = Dexie.currentTransaction;
  if (!trans?.idbtrans) throw new Error('操作日志只能在写入事务中追加');
  let tail = tails.get(trans.idbtrans);
  if (!tail) {
    const created: ChainTail = { prev: '', ready: Promise.resolve() };
    created.ready = db.audit
      .orderBy('seq')
      .last()
      .then((last) => {
        // An unhashed newest entry (a legacy log) starts the chain afresh: genesis ''.
        created.prev = typeof last?.hash === 'string' ? last.hash : '';
      });
    tails.set(trans.idbtrans, created);
    tail = created;
  }
  await tail.ready;
  // From here to the request nothing is awaited: no other append of this transaction runs
  // between taking `prev` and issuing the add, so the chain order is the seq order.
  const chained = entries.map((entry) => {
    const linked: AuditEntry = { ...entry, prevHash: tail.prev };
    linked.hash = hashAuditEntry(linked);
    tail.prev = linked.hash;
    return linked;
  });
  if (chained.length === 1) await db.audit.add(chained[0] as AuditEntry);
  else if (chained.length > 1) await db.audit.bulkAdd(chained);
}

/** The result of verifyAuditChain. */
export type ChainCheck =
  | {
      ok: true;
      /** Hashed entries checked. */
      count: number;
      /** Entries from before the chain existed (no hash), not checked. */
      legacy: number;
    }
  | {
      ok: false;
      /** Hashed entries found intact before the break. */
      count: number;
      legacy: number;
      /** seq of the first entry that fails. */
      brokenAt: number;
      /** That entry as stored (itself possibly altered). */
      entry: AuditEntry;
      /**
       * hash: its content does not match its hash (edited), or it has none;
       * link: its prevHash is not the hash of the entry before it (that one deleted or edited);
       * gap: the link holds, but seq numbers before it are missing (the newest entries of the
       * time were deleted, and the log was written to after that).
       */
      reason: 'hash' | 'link' | 'gap';
      /** In Chinese, for the 操作日志 screen. */
      message: string;
    };

const pageSize = 1000;

/**
 * Reads the whole audit log in seq order, a page at a time (memory stays bounded for a long
 * log), recomputes every hash and checks every link; stops at the first break.
 */
export async function verifyAuditChain(): Promise<ChainCheck> {
  let legacy = 0;
  let count = 0;
  let previous: AuditEntry | undefined; // the last hashed entry checked
  let cursor = -Infinity;
  for (;;) {
    const page = await db.audit.where('seq').above(cursor).limit(pageSize).toArray();
    for (const entry of page) {
      const seq = entry.seq ?? 0;
      cursor = seq;
      if (previous === undefined && entry.hash === undefined && entry.prevHash === undefined) {
        legacy++;
        continue;
      }
      const broken = (reason: 'hash' | 'link' | 'gap', message: string): ChainCheck => ({
        ok: false,
        count,
        legacy,
        brokenAt: seq,
        entry,
        reason,
        message,
      });
      if (typeof entry.hash !== 'string') return broken('hash', `第 ${seq} 条记录缺少校验值（可能被改动）`);
      if (hashAuditEntry(entry) !== entry.hash)
        return broken('hash', `第 ${seq} 条记录的内容与其校验值不符（可能被改动）`);
      if (entry.prevHash !== (previous?.hash ?? ''))
        return broken('link', `第 ${seq} 条记录与前一条的链接断开（前一条可能被删除或改动）`);
      if (previous?.seq !== undefined && seq !== previous.seq + 1) {
        const missing =
          seq - previous.seq - 1 === 1 ? `第 ${previous.seq + 1} 条` : `第 ${previous.seq + 1}–${seq - 1} 条`;
        return broken('gap', `第 ${seq} 条记录之前缺少${missing}记录（可能被删除）`);
      }
      previous = entry;
      count++;
    }
    if (page.length < pageSize) break;
  }
  return { ok: true, count, legacy };
}
