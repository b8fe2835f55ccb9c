// Opening what Excel opens without asking: workbooks encrypted with Excel's built-in default
// password, "VelvetSweatshop" (Excel 97–2003 encrypts an .xls that way when its structure is
// protected with a password, and some programs do the same to an .xlsx). [MS-OFFCRYPTO]:
//   - an encrypted .xlsx is an OLE2 container of EncryptionInfo + EncryptedPackage, ECMA-376
//     Standard (AES-ECB, SHA-1) or Agile (AES-CBC, SHA-1/256/384/512) encryption;
//   - an encrypted .xls has a FILEPASS record after its first BOF and its records' data are RC4
//     (Excel 97/2000, MD5 keys) or RC4 CryptoAPI (Excel 2002+, SHA-1 keys) encrypted; XOR
//     obfuscation (Excel 95) SheetJS undoes itself given the password (read-xls.ts).
// Only the default password is ever tried: a file with a password of its own is refused with
// a message that says so. The primitives come from @noble/hashes and @noble/ciphers (audited,
// no dependencies, the same code in the Worker and in Node); RC4, which no maintained library
// carries any more, is the few lines of `rc4` below, checked against RFC 6229's vectors.
import { cbc, ecb } from '@noble/ciphers/aes.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';

export const DEFAULT_PASSWORD = 'VelvetSweatshop';

/** The file is encrypted in a way this reader does not know (or its encryption data are damaged). */
export class UnsupportedEncryption extends Error {}

const utf16le = (text: string) => {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) & 0xff;
    out[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
};

const le32 = (n: number) => new Uint8Array([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Bytes `from`…`from + length` of `bytes`, or UnsupportedEncryption when they are not all there. */
function take(bytes: Uint8Array, from: number, length: number): Uint8Array {
  if (from < 0 || length < 0 || from + length > bytes.length) throw new UnsupportedEncryption('short');
  return bytes.subarray(from, from + length);
}

/** RC4 (the keystream XORed over `data`, in place). */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    const t = s[i] as number;
    j = (j + t + (key[i % key.length] as number)) & 0xff;
    s[i] = s[j] as number;
    s[j] = t;
  }
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    const t = s[i] as number;
    j = (j + t) & 0xff;
    s[i] = s[j] as number;
    s[j] = t;
    data[n] = (data[n] as number) ^ (s[(t + (s[i] as number)) & 0xff] as number);
  }
  return data;
}

// ---------------------------------------------------------------------------------------------
// .xlsx: EncryptionInfo + EncryptedPackage

/**
 * The package (.xlsx bytes) inside an encrypted container, decrypted with `password`; null
 * when the password is not the file's. Throws UnsupportedEncryption for an unknown or damaged one.
 */
export function decryptPackage(
  encryptionInfo: Uint8Array,
  encryptedPackage: Uint8Array,
  password = DEFAULT_PASSWORD,
): Uint8Array | null {
  const view = new DataView(encryptionInfo.buffer, encryptionInfo.byteOffset, encryptionInfo.byteLength);
  if (encryptionInfo.length < 8) throw new UnsupportedEncryption('EncryptionInfo');
  const major = view.getUint16(0, true);
  const minor = view.getUint16(2, true);
  if (encryptedPackage.length < 8) throw new UnsupportedEncryption('EncryptedPackage');
  const packageView = new DataView(encryptedPackage.buffer, encryptedPackage.byteOffset, 8);
  const size = packageView.getUint32(0, true) + packageView.getUint32(4, true) * 0x1_0000_0000;
  const data = encryptedPackage.subarray(8);
  if (size > data.length) throw new UnsupportedEncryption('EncryptedPackage size');
  if (minor === 4 && major === 4) return decryptAgile(encryptionInfo, data, size, password);
  if (minor === 2 && (major === 2 || major === 3 || major === 4))
    return decryptStandard(encryptionInfo, data, size, password);
  throw new UnsupportedEncryption(`EncryptionInfo ${major}.${minor}`);
}

/** ECMA-376 Standard Encryption ([MS-OFFCRYPTO] 2.3.4.5–2.3.4.9): AES-128/192/256 in ECB, SHA-1. */
function decryptStandard(info: Uint8Array, data: Uint8Array, size: number, password: string): Uint8Array | null {
  const view = new DataView(info.buffer, info.byteOffset, info.byteLength);
  const headerSize = view.getUint32(8, true);
  const header = take(info, 12, headerSize);
  const headerView = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const algId = headerView.getUint32(8, true);
  const keyBits = headerView.getUint32(16, true);
  if (![0x660e, 0x660f, 0x6610].includes(algId) || ![128, 192, 256].includes(keyBits))
    throw new UnsupportedEncryption('Standard algorithm');
  const verifier = 12 + headerSize;
  const saltSize = view.getUint32(verifier, true);
  const salt = take(info, verifier + 4, saltSize);
  const encryptedVerifier = take(info, verifier + 4 + saltSize, 16);
  const encryptedVerifierHash = take(info, verifier + 4 + saltSize + 20, 32);

  let hash = sha1(concat(salt, utf16le(password)));
  for (let i = 0; i < 50_000; i++) hash = sha1(concat(le32(i), hash));
  const final = sha1(concat(hash, le32(0)));
  const x = (fill: number) => {
    const buffer = new Uint8Array(64).fill(fill);
    final.forEach((b, i) => (buffer[i] = (buffer[i] as number) ^ b));
    return sha1(buffer);
  };
  const key = concat(x(0x36), x(0x5c)).subarray(0, keyBits / 8);

  const aes = () => ecb(key, { disablePadding: true });
  const plainVerifier = aes().decrypt(encryptedVerifier);
  const plainHash = aes().decrypt(encryptedVerifierHash).subarray(0, 20);
  if (!equal(sha1(plainVerifier), plainHash)) return null;
  if (data.length % 16 !== 0) throw new UnsupportedEncryption('Standard package length');
  return aes().decrypt(data).subarray(0, size);
}

/**
 * Office writes 100,000 rounds (~1 s here); a file asking for more than twice that would cost
 * seconds per extra 100,000 and is refused as encrypted in a way this reader does not open.
 */
const MAX_SPIN_COUNT = 200_000;

const HASHES: Record<string, (data: Uint8Array) => Uint8Array> = {
  SHA1: sha1,
  'SHA-1': sha1,
  SHA256: sha256,
  'SHA-256': sha256,
  SHA384: sha384,
  'SHA-384': sha384,
  SHA512: sha512,
  'SHA-512': sha512,
  MD5: md5,
};

/** The attributes of the first `<name …>` element (any prefix) in an XML text. */
function attributesOf(xml: string, name: string): Record<string, string> {
  const element = new RegExp(`<(?:\\w+:)?${name}\\s([^>]*)>`).exec(xml);
  if (!element) throw new UnsupportedEncryption(`no ${name}`);
  const attributes: Record<string, string> = {};
  for (const [, key, value] of (element[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)) attributes[key!] = value!;
  return attributes;
}

function base64(text: string | undefined): Uint8Array {
  if (text === undefined) throw new UnsupportedEncryption('missing value');
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    throw new UnsupportedEncryption('bad base64');
  }
}

/** ECMA-376 Agile Encryption ([MS-OFFCRYPTO] 2.3.4.10–2.3.4.15): AES in CBC, 4096-byte segments. */
function decryptAgile(info: Uint8Array, data: Uint8Array, size: number, password: string): Uint8Array | null {
  const xml = new TextDecoder().decode(info.subarray(8));
  const keyData = attributesOf(xml, 'keyData');
  const encryptor = attributesOf(xml, 'encryptedKey');
  const hashOf = (name: string | undefined) => {
    const hash = HASHES[(name ?? '').toUpperCase()];
    if (!hash) throw new UnsupportedEncryption(`hash ${name}`);
    return hash;
  };
  if (keyData.cipherAlgorithm !== 'AES' || encryptor.cipherAlgorithm !== 'AES')
    throw new UnsupportedEncryption('Agile cipher');
  if (keyData.cipherChaining !== 'ChainingModeCBC' || encryptor.cipherChaining !== 'ChainingModeCBC')
    throw new UnsupportedEncryption('Agile chaining');

  // The password's key: H(salt + password), then spinCount rounds of H(i + H), bounded against a hostile count.
  const hash = hashOf(encryptor.hashAlgorithm);
  const spinCount = Number(encryptor.spinCount);
  if (!Number.isInteger(spinCount) || spinCount < 0 || spinCount > MAX_SPIN_COUNT)
    throw new UnsupportedEncryption('spinCount');
  const keyBytes = Number(encryptor.keyBits) / 8;
  if (![16, 24, 32].includes(keyBytes)) throw new UnsupportedEncryption('keyBits');
  const salt = base64(encryptor.saltValue);
  let h = hash(concat(salt, utf16le(password)));
  const round = new Uint8Array(4 + h.length);
  for (let i = 0; i < spinCount; i++) {
    round.set(le32(i), 0);
    round.set(h, 4);
    h = hash(round);
  }
  const keyFor = (blockKey: number[]) => {
    const derived = hash(concat(h, new Uint8Array(blockKey)));
    const key = new Uint8Array(keyBytes).fill(0x36);
    key.set(derived.subarray(0, keyBytes));
    return key;
  };
  const decryptWith = (key: Uint8Array, iv: Uint8Array, bytes: Uint8Array) => {
    if (bytes.length % 16 !== 0 || bytes.length === 0) throw new UnsupportedEncryption('block length');
    return cbc(key, iv.subarray(0, 16), { disablePadding: true }).decrypt(bytes);
  };
  if (salt.length < 16) throw new UnsupportedEncryption('salt');
  const verifierInput = decryptWith(
    keyFor([0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79]),
    salt,
    base64(encryptor.encryptedVerifierHashInput),
  ).subarray(0, salt.length);
  const verifierHash = decryptWith(
    keyFor([0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e]),
    salt,
    base64(encryptor.encryptedVerifierHashValue),
  );
  const expected = hash(verifierInput);
  if (!equal(verifierHash.subarray(0, expected.length), expected)) return null;
  const secret = decryptWith(
    keyFor([0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6]),
    salt,
    base64(encryptor.encryptedKeyValue),
  ).subarray(0, Number(keyData.keyBits) / 8);
  if (![16, 24, 32].includes(secret.length)) throw new UnsupportedEncryption('secret key');

  // The package: 4096-byte segments, each with IV = H(keyData salt + segment number).
  const dataHash = hashOf(keyData.hashAlgorithm);
  const dataSalt = base64(keyData.saltValue);
  const out = new Uint8Array(data.length);
  for (let at = 0, segment = 0; at < data.length; at += 4096, segment++) {
    const chunk = data.subarray(at, Math.min(at + 4096, data.length));
    out.set(decryptWith(secret, dataHash(concat(dataSalt, le32(segment))), chunk), at);
  }
  return out.subarray(0, size);
}

// ---------------------------------------------------------------------------------------------
// .xls: a BIFF8 Workbook stream with FILEPASS

const BOF = 0x0809;
const FILEPASS = 0x002f;
const BOUNDSHEET = 0x0085;
/** Records whose data are never encrypted ([MS-XLS] 2.2.10): BOF, FILEPASS, USREXCL, FILELOCK, INTERFACEHDR, RRDINFO, RRDHEAD. */
const CLEAR_RECORDS = new Set([BOF, FILEPASS, 0x0194, 0x0195, 0x00e1, 0x0196, 0x0138]);
/** A record SheetJS knows and skips (Edg): put where FILEPASS was, so nothing moves in the stream. */
const SKIPPED_RECORD = 0x0088;

/**
 * A BIFF8 Workbook stream whose FILEPASS says RC4 or RC4 CryptoAPI, decrypted with
 * `password`, its FILEPASS blanked; null when the password is not the file's. A stream with
 * XOR obfuscation (or no FILEPASS) is returned as it is: SheetJS reads those itself.
 */
export function decryptBiffStream(stream: Uint8Array, password = DEFAULT_PASSWORD): Uint8Array | null {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  /** Calls `visit` with each record's type, offset and data length (walked twice: never held in memory). */
  const eachRecord = (visit: (type: number, at: number, length: number) => boolean | void) => {
    for (let at = 0; at + 4 <= stream.length;) {
      const length = view.getUint16(at + 2, true);
      if (visit(view.getUint16(at, true), at, length) === false) return;
      at += 4 + length;
    }
  };
  let filePass: { at: number; length: number } | undefined;
  let seen = 0;
  eachRecord((type, at, length) => {
    if (seen === 0 && type !== BOF) return false;
    if (type === FILEPASS) filePass = { at, length };
    return !filePass && ++seen < 8;
  });
  if (!filePass) return stream;
  const body = take(stream, filePass.at + 4, filePass.length);
  const bodyView = new DataView(body.buffer, body.byteOffset, body.byteLength);
  if (body.length < 6 || bodyView.getUint16(0, true) !== 1) return stream; // XOR obfuscation
  const major = bodyView.getUint16(2, true);
  const minor = bodyView.getUint16(4, true);

  let keyForBlock: (block: number) => Uint8Array;
  let verified: boolean;
  if (major === 1 && minor === 1) {
    // RC4 ([MS-OFFCRYPTO] 2.3.6): MD5 of the password, salted, 128-bit keys.
    const salt = take(body, 6, 16);
    const truncated = md5(utf16le(password)).subarray(0, 5);
    const intermediate = md5(concat(...Array.from({ length: 16 }, () => concat(truncated, salt)))).subarray(0, 5);
    keyForBlock = (block) => md5(concat(intermediate, le32(block)));
    const check = rc4(keyForBlock(0), concat(take(body, 22, 16), take(body, 38, 16)));
    verified = equal(md5(check.subarray(0, 16)), check.subarray(16));
  } else if ((major === 2 || major === 3 || major === 4) && minor === 2) {
    // RC4 CryptoAPI ([MS-OFFCRYPTO] 2.3.5): SHA-1, 40- to 128-bit keys (40-bit padded to 128).
    const headerSize = bodyView.getUint32(10, true);
    const header = take(body, 14, headerSize);
    const keyBits = new DataView(header.buffer, header.byteOffset, header.byteLength).getUint32(16, true) || 40;
    if (keyBits < 40 || keyBits > 128 || keyBits % 8 !== 0) throw new UnsupportedEncryption('RC4 key size');
    const verifier = 14 + headerSize;
    const saltSize = bodyView.getUint32(verifier, true);
    const salt = take(body, verifier + 4, saltSize);
    const encryptedVerifier = take(body, verifier + 4 + saltSize, 16);
    const hashSize = bodyView.getUint32(verifier + 20 + saltSize, true);
    const encryptedHash = take(body, verifier + 24 + saltSize, hashSize);
    const base = sha1(concat(salt, utf16le(password)));
    keyForBlock = (block) => {
      const key = sha1(concat(base, le32(block))).subarray(0, keyBits / 8);
      return keyBits === 40 ? concat(key, new Uint8Array(11)) : key;
    };
    const check = rc4(keyForBlock(0), concat(encryptedVerifier, encryptedHash));
    verified = equal(sha1(check.subarray(0, 16)), check.subarray(16, 36));
  } else {
    throw new UnsupportedEncryption(`RC4 ${major}.${minor}`);
  }
  if (!verified) return null;

  // The keystream runs over the whole stream by position (a new key every 1024 bytes); record
  // headers, the clear records and BOUNDSHEET's stream offset keep their bytes.
  const out = stream.slice();
  for (let at = 0, block = 0; at < out.length; at += 1024, block++) {
    rc4(keyForBlock(block), out.subarray(at, Math.min(at + 1024, out.length)));
  }
  eachRecord((type, at, length) => {
    const keep = CLEAR_RECORDS.has(type) ? 4 + length : type === BOUNDSHEET ? 8 : 4;
    out.set(stream.subarray(at, Math.min(at + keep, stream.length)), at);
  });
  const { at, length } = filePass;
  new DataView(out.buffer).setUint16(at, SKIPPED_RECORD, true);
  out.fill(0, at + 4, at + 4 + length);
  return out;
}
