// Revisions chosen by the writer. A local change is CouchDB revision `n+1-<hash>` whose parent
// is the revision the row showed (syncMeta): an explicit child, so that the same parent changed
// on two PCs is a real CouchDB conflict. The hash is SHA-256 over parent, body and deletion, so
// the same change always gets the same revision (re-sending after a crash changes nothing).
// Synchronous (@noble/hashes): it is computed inside the write transaction.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../auditChain';
import type { SyncBody } from './types';

const hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

/** The generation of a revision ('3-abc' → 3; none → 0). */
export function revGen(rev: string | undefined): number {
  return rev ? Number.parseInt(rev, 10) : 0;
}

/** The hash part of a revision ('3-abc' → 'abc'). */
export function revHash(rev: string): string {
  return rev.slice(rev.indexOf('-') + 1);
}

/** The revision of a change with this parent, body and deletion. */
export function nextRev(parent: string | undefined, body: SyncBody, deleted: boolean): string {
  return `${revGen(parent) + 1}-${hex(canonicalJson({ parent: parent ?? null, body, deleted })).slice(0, 32)}`;
}

/** A short hash of a row's content (which version a row shows, after a restore say). */
export function contentHash(row: unknown): string {
  return hex(canonicalJson(row)).slice(0, 32);
}

/** The revision of an audit entry's document: its chain hash. */
export function auditRev(hash: string): string {
  return `1-${hash.slice(0, 32)}`;
}
