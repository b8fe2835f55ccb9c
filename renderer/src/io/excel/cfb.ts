// A minimal reader for OLE2 / Compound File Binary containers ([MS-CFB]), just enough to decide
// before parsing whether a legacy container is a workbook we can read, and to take out the
// streams that matter:
//   - the names of the streams at the top level (Workbook / Book, or EncryptionInfo +
//     EncryptedPackage, which is how Office wraps an encrypted .xlsx),
//   - the Workbook stream itself (a BIFF FILEPASS record right after BOF means it is encrypted),
//   - how many cells and rows the stream holds (what SheetJS's time and memory grow with).
// It never trusts the file: every offset is bounds-checked and every sector chain is bounded,
// so a hostile container costs at most one pass over its sectors.
// Also here: Excel 2.x–4.0 files, which are a bare BIFF stream without any container.

export type CfbVerdict =
  /**
   * `stream`: the Workbook (or Book) stream, handed to SheetJS on its own (the container's other
   * streams, such as a damaged SummaryInformation, never matter). `codePageText`: the stream is
   * called Book (Excel 5/95), whose text is in the PC's code page. `filePass`: the stream is
   * encrypted (decrypt.ts). `cellsAndRows`: its cell and row records (see countBiffCells).
   */
  | { kind: 'workbook'; stream: Uint8Array; codePageText: boolean; filePass: boolean; cellsAndRows: number }
  /** An encrypted .xlsx: the package, encrypted, and how (decrypt.ts). */
  | { kind: 'encryptedPackage'; encryptionInfo: Uint8Array; encryptedPackage: Uint8Array }
  /** Protected some other way (rights management: DataSpaces without EncryptionInfo). */
  | { kind: 'encrypted' }
  | { kind: 'notWorkbook'; streams: string[] }
  | { kind: 'truncated' }
  | { kind: 'corrupt' };

export const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const END_OF_CHAIN = 0xfffffffe;
const MAX_REGULAR_SECTOR = 0xfffffffa;
const NO_STREAM = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;

class CfbError extends Error {
  constructor(readonly kind: 'truncated' | 'corrupt') {
    super(kind);
  }
}

interface DirEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

export function inspectCfb(bytes: Uint8Array): CfbVerdict {
  try {
    return inspect(bytes);
  } catch (error) {
    if (error instanceof CfbError) return { kind: error.kind };
    // A read past the end of the file (DataView throws RangeError): the file was cut short.
    if (error instanceof RangeError) return { kind: 'truncated' };
    return { kind: 'corrupt' };
  }
}

function inspect(bytes: Uint8Array): CfbVerdict {
  if (bytes.length < 512) throw new CfbError('truncated');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);

  const sectorShift = u16(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) throw new CfbError('corrupt');
  const sectorSize = 1 << sectorShift;
  const miniSectorSize = 1 << u16(0x20);
  if (miniSectorSize !== 64) throw new CfbError('corrupt');
  const fatSectorCount = u32(0x2c);
  const firstDirSector = u32(0x30);
  const miniCutoff = u32(0x38);
  const firstMiniFatSector = u32(0x3c);
  const firstDifatSector = u32(0x44);
  const difatSectorCount = u32(0x48);

  // Sector n lives at (n + 1) * sectorSize; a sector that starts past the end of the file means
  // the file was cut short (the last sector may itself be short: some writers do not pad it).
  const sectorsInFile = Math.max(0, Math.ceil((bytes.length - sectorSize) / sectorSize));
  const sectorOffset = (n: number) => {
    if (n >= MAX_REGULAR_SECTOR) throw new CfbError('corrupt');
    if (n >= sectorsInFile) throw new CfbError('truncated');
    return (n + 1) * sectorSize;
  };
  const entriesPerSector = sectorSize / 4;

  // FAT sector numbers: 109 in the header, the rest in a chain of DIFAT sectors.
  if (fatSectorCount === 0) throw new CfbError('corrupt');
  if (fatSectorCount > sectorsInFile) throw new CfbError('truncated');
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(HEADER_DIFAT_ENTRIES, fatSectorCount); i++) fatSectors.push(u32(0x4c + 4 * i));
  let difat = firstDifatSector;
  for (let hop = 0; fatSectors.length < fatSectorCount; hop++) {
    if (hop > difatSectorCount || difat >= MAX_REGULAR_SECTOR) throw new CfbError('corrupt');
    const at = sectorOffset(difat);
    for (let i = 0; i < entriesPerSector - 1 && fatSectors.length < fatSectorCount; i++) {
      if (at + 4 * i + 4 > bytes.length) throw new CfbError('truncated');
      fatSectors.push(u32(at + 4 * i));
    }
    if (at + sectorSize > bytes.length) throw new CfbError('truncated');
    difat = u32(at + sectorSize - 4);
  }

  const fatEntry = (n: number): number => {
    const fatSector = fatSectors[Math.floor(n / entriesPerSector)];
    if (fatSector === undefined) throw new CfbError('corrupt');
    const at = sectorOffset(fatSector) + 4 * (n % entriesPerSector);
    if (at + 4 > bytes.length) throw new CfbError('truncated');
    return u32(at);
  };

  // Follows a chain of regular sectors; `limit` stops early when only the first few are needed.
  const chain = (start: number, limit = Infinity): number[] => {
    const sectors: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s !== END_OF_CHAIN && sectors.length < limit; s = fatEntry(s)) {
      if (s >= MAX_REGULAR_SECTOR || seen.has(s)) throw new CfbError('corrupt');
      if (s >= sectorsInFile) throw new CfbError('truncated');
      seen.add(s);
      sectors.push(s);
    }
    return sectors;
  };

  // The directory: 128-byte entries in the chain starting at firstDirSector.
  const entries: DirEntry[] = [];
  for (const sector of chain(firstDirSector)) {
    const base = sectorOffset(sector);
    for (let at = base; at < base + sectorSize; at += 128) {
      if (at + 128 > bytes.length) throw new CfbError('truncated');
      const nameLength = Math.min(u16(at + 0x40), 64);
      let name = '';
      for (let i = 0; i + 2 < nameLength; i += 2) name += String.fromCharCode(u16(at + i));
      entries.push({
        name,
        type: bytes[at + 0x42] ?? 0,
        left: u32(at + 0x44),
        right: u32(at + 0x48),
        child: u32(at + 0x4c),
        start: u32(at + 0x74),
        size: u32(at + 0x78),
      });
    }
  }
  const root = entries[0];
  if (!root || root.type !== 5) throw new CfbError('corrupt');

  // The top level is the red-black tree hanging from the root's child, walked via left/right.
  const topLevel: DirEntry[] = [];
  const visited = new Set<number>();
  const stack = [root.child];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (id === NO_STREAM || visited.has(id)) continue;
    const entry = entries[id];
    if (!entry) throw new CfbError('corrupt');
    visited.add(id);
    if (entry.type === 1 || entry.type === 2) topLevel.push(entry);
    stack.push(entry.left, entry.right);
  }

  // A stream's bytes, from regular sectors, or from the mini stream when it is small.
  const streamOf = (entry: DirEntry): Uint8Array => {
    if (entry.size >= miniCutoff) {
      const sectors = chain(entry.start);
      const out = new Uint8Array(Math.min(entry.size, sectors.length * sectorSize));
      sectors.forEach((sector, i) => {
        const at = sectorOffset(sector);
        const take = Math.min(sectorSize, out.length - i * sectorSize, bytes.length - at);
        if (take > 0) out.set(bytes.subarray(at, at + take), i * sectorSize);
      });
      return out;
    }
    // Mini sectors (64 bytes) live inside the root entry's stream, located through the mini FAT.
    const miniFat = chain(firstMiniFatSector);
    const miniFatEntry = (n: number): number => {
      const sector = miniFat[Math.floor(n / entriesPerSector)];
      if (sector === undefined) throw new CfbError('corrupt');
      return u32(sectorOffset(sector) + 4 * (n % entriesPerSector));
    };
    const miniStream = chain(root.start);
    const out = new Uint8Array(entry.size);
    let filled = 0;
    const seen = new Set<number>();
    for (let m = entry.start; filled < out.length && m !== END_OF_CHAIN; m = miniFatEntry(m)) {
      if (m >= MAX_REGULAR_SECTOR || seen.has(m)) throw new CfbError('corrupt');
      seen.add(m);
      const position = m * miniSectorSize;
      const sector = miniStream[Math.floor(position / sectorSize)];
      if (sector === undefined) throw new CfbError('corrupt');
      const at = sectorOffset(sector) + (position % sectorSize);
      const take = Math.min(miniSectorSize, out.length - filled);
      if (at + take > bytes.length) throw new CfbError('truncated');
      out.set(bytes.subarray(at, at + take), filled);
      filled += take;
    }
    return out.subarray(0, filled);
  };

  const find = (name: string) => topLevel.find((e) => e.type === 2 && e.name.toUpperCase() === name.toUpperCase());
  const encryptionInfo = find('EncryptionInfo');
  const encryptedPackage = find('EncryptedPackage');
  if (encryptionInfo && encryptedPackage)
    return {
      kind: 'encryptedPackage',
      encryptionInfo: streamOf(encryptionInfo),
      encryptedPackage: streamOf(encryptedPackage),
    };
  if (encryptionInfo || encryptedPackage || topLevel.some((e) => e.name === '\u0006DataSpaces'))
    return { kind: 'encrypted' };
  const workbook = find('Workbook') ?? find('Book');
  if (!workbook) return { kind: 'notWorkbook', streams: topLevel.map((e) => e.name) };
  const stream = streamOf(workbook);
  return {
    kind: 'workbook',
    stream,
    codePageText: workbook.name.toUpperCase() === 'BOOK',
    filePass: hasFilePass(stream),
    cellsAndRows: countBiffCells(stream),
  };
}

/**
 * Records of one cell each: BIFF5/8 NUMBER, RK, LABELSST, LABEL, RSTRING, BOOLERR, FORMULA,
 * BLANK and ROW; BIFF2 BLANK, INTEGER, NUMBER, LABEL, BOOLERR and ROW; BIFF3/4 FORMULA.
 */
const ONE_CELL = new Set([
  0x0203, 0x027e, 0x00fd, 0x0204, 0x00d6, 0x0205, 0x0006, 0x0201, 0x0208, 0x0001, 0x0002, 0x0003, 0x0004, 0x0005,
  0x0008, 0x0206, 0x0406,
]);
const MULRK = 0x00bd;
const MULBLANK = 0x00be;

/**
 * Cells and rows in a BIFF stream, empty formatted ones included (SheetJS spends on them too:
 * 6,500,000 blanks in a 13 MB file took it 16 s and 2 GB): one per cell record or ROW, and
 * for MULRK (6 bytes a cell) and MULBLANK (2 bytes a cell) the cells they hold. Walks only
 * the record headers.
 */
export function countBiffCells(stream: Uint8Array): number {
  let count = 0;
  let at = 0;
  while (at + 4 <= stream.length) {
    const type = (stream[at] as number) | ((stream[at + 1] as number) << 8);
    const length = (stream[at + 2] as number) | ((stream[at + 3] as number) << 8);
    if (ONE_CELL.has(type)) count += 1;
    else if (type === MULRK) count += Math.max(0, Math.floor((length - 6) / 6));
    else if (type === MULBLANK) count += Math.max(0, Math.floor((length - 6) / 2));
    at += 4 + length;
  }
  return count;
}

/** BIFF records are [type u16][length u16][data]; FILEPASS (0x002F) follows the first BOF when a password is set. */
export function hasFilePass(stream: Uint8Array): boolean {
  let at = 0;
  for (let record = 0; record < 8 && at + 4 <= stream.length; record++) {
    const type = (stream[at] ?? 0) | ((stream[at + 1] ?? 0) << 8);
    const length = (stream[at + 2] ?? 0) | ((stream[at + 3] ?? 0) << 8);
    if (record === 0 && type !== 0x0809 && type !== 0x0409 && type !== 0x0209 && type !== 0x0009) return false;
    if (type === 0x002f) return true;
    at += 4 + length;
  }
  return false;
}

/**
 * An Excel 2.x, 3.0 or 4.0 file: a bare BIFF2/3/4 stream (no OLE2 container) that starts with
 * its BOF record: type 0x0009, 0x0209 or 0x0409, 4 to 16 bytes of data, and a sheet type of
 * worksheet, chart, macro sheet or (4.0) workbook.
 */
export function isBareBiff(bytes: Uint8Array): boolean {
  if (bytes.length < 8 || bytes[0] !== 0x09 || ![0x00, 0x02, 0x04].includes(bytes[1] as number)) return false;
  const length = (bytes[2] as number) | ((bytes[3] as number) << 8);
  const sheetType = (bytes[6] as number) | ((bytes[7] as number) << 8);
  return length >= 4 && length <= 16 && [0x0010, 0x0020, 0x0040, 0x0100].includes(sheetType);
}
