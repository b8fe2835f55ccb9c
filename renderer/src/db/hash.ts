// SHA-256 of a file's bytes, to recognise a file imported before. Web Crypto: the same in
// browsers, Workers and Node ≥ 20. Not Dexie-specific; it lives here beside the import
// bookkeeping for now. Call it before commitImport, never inside a transaction.

/** The SHA-256 of `bytes` as 64 lower-case hex digits. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // digest() takes an ArrayBuffer-backed view; copy a view over a SharedArrayBuffer.
  const data = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
  const digest = await crypto.subtle.digest('SHA-256', data);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
