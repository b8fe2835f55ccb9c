import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../core/model';
import { writeTransaction } from './audit';
import { canonicalJson, hashAuditEntry } from './auditChain';
import {
  addUnit,
  addUnits,
  createWorkYear,
  db,
  deleteUnit,
  setOperator,
  updateUnit,
  verifyAuditChain,
  type NewUnit,
  type NewWorkYear,
} from './index';
import { defaultCalendarSettings } from '../core/calendarSettings';

function yearInput(year: number): NewWorkYear {
  return {
    title: `${year}年区政府重点工作`,
    ...defaultCalendarSettings(year),
  };
}

function unitInput(yearId: string, name: string): NewUnit {
  return { yearId, name, kind: 'department', rankingGroup: '', aliases: [], contactPerson: '', phone: '' };
}

function auditRows(): Promise<AuditEntry[]> {
  return db.audit.orderBy('seq').toArray();
}

let yearId: string;

beforeEach(async () => {
  await db.delete();
  await db.open();
  setOperator('张三');
  yearId = (await createWorkYear(yearInput(2026))).id;
});

/** A year, four units (one batch), an update and a delete: 7 entries. */
async function someHistory(): Promise<void> {
  const [a] = await addUnits([
    unitInput(yearId, '区财政局'),
    unitInput(yearId, '区教育局'),
    unitInput(yearId, '城南街道'),
  ]);
  await addUnit(unitInput(yearId, '区卫健委'));
  await updateUnit(a?.id ?? '', { phone: '123' });
  await deleteUnit(a?.id ?? '');
}

describe('canonicalJson', () => {
  it('sorts keys recursively, leaves out undefined fields, writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, undefined, 'x'], c: null }, e: undefined })).toBe(
      '{"a":{"c":null,"d":[3,null,"x"]},"b":1}',
    );
    expect(canonicalJson({ z: '中文', y: true })).toBe(canonicalJson({ y: true, z: '中文' }));
    expect(canonicalJson([Number.NaN, -0, 1.5])).toBe('[null,0,1.5]');
  });
});

describe('writing', () => {
  it("chains every entry to the one before it; the first links to the genesis ''", async () => {
    await someHistory();
    const rows = await auditRows();
    expect(rows).toHaveLength(7);
    rows.forEach((row, i) => {
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.hash).toBe(hashAuditEntry(row));
      expect(row.prevHash).toBe(i === 0 ? '' : rows[i - 1]?.hash);
    });
  });

  it('the hash covers the content and the link, not the seq', () => {
    const entry: AuditEntry = {
      seq: 5,
      at: '2026-01-01T00:00:00.000Z',
      operator: '张三',
      action: 'create',
      entity: 'units',
      entityId: 'u1',
      after: { name: 'A' },
      prevHash: '',
    };
    const hash = hashAuditEntry(entry);
    expect(hashAuditEntry({ ...entry, seq: 6, hash: 'x' })).toBe(hash);
    expect(hashAuditEntry({ ...entry, after: { name: 'B' } })).not.toBe(hash);
    expect(hashAuditEntry({ ...entry, prevHash: 'a'.repeat(64) })).not.toBe(hash);
  });

  it('parallel writes in one scope and a nested transaction still chain in seq order', async () => {
    await writeTransaction([db.units], async (w) => {
      const rows = ['A', 'B', 'C'].map((name, i) => ({ ...unitInput(yearId, name), id: `p${i}`, sortOrder: i + 1 }));
      await Promise.all(rows.map((row) => w.add(db.units, row)));
      await writeTransaction([db.units], async (inner) => {
        await inner.add(db.units, { ...unitInput(yearId, 'D'), id: 'p3', sortOrder: 4 });
      });
      await w.update(db.units, 'p0', { phone: '1' });
    });
    await addUnit(unitInput(yearId, 'E'));
    const rows = await auditRows();
    expect(rows).toHaveLength(7);
    rows.slice(1).forEach((row, i) => expect(row.prevHash).toBe(rows[i]?.hash));
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 7, legacy: 0 });
  });

  it('a failing write leaves no entry, and the chain goes on intact after it', async () => {
    const count = await db.audit.count();
    const boom = (): never => {
      throw new Error('audit disk full');
    };
    db.audit.hook('creating', boom);
    try {
      await expect(addUnit(unitInput(yearId, '区财政局'))).rejects.toThrow('audit disk full');
    } finally {
      db.audit.hook('creating').unsubscribe(boom);
    }
    expect(await db.audit.count()).toBe(count);
    await expect(
      writeTransaction([db.units], async (w) => {
        await w.add(db.units, { ...unitInput(yearId, 'X'), id: 'dup', sortOrder: 1 });
        await w.add(db.units, { ...unitInput(yearId, 'Y'), id: 'dup', sortOrder: 2 });
      }),
    ).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.audit.count()).toBe(count);
    await addUnit(unitInput(yearId, '区财政局'));
    expect(await verifyAuditChain()).toEqual({ ok: true, count: count + 1, legacy: 0 });
  });
});

describe('verifyAuditChain', () => {
  it('passes on an untouched log', async () => {
    await someHistory();
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 7, legacy: 0 });
  });

  it('passes on an empty log', async () => {
    await db.audit.clear();
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 0, legacy: 0 });
  });

  it('reports an entry whose content was changed (hash) at its seq', async () => {
    await someHistory();
    await db.audit.update(4, { after: { name: '改过的名称' } });
    expect(await verifyAuditChain()).toEqual({
      ok: false,
      count: 3,
      legacy: 0,
      brokenAt: 4,
      entry: expect.objectContaining({ seq: 4, after: { name: '改过的名称' } }) as AuditEntry,
      reason: 'hash',
      message: '第 4 条记录的内容与其校验值不符（可能被改动）',
    });
  });

  it('reports an entry whose hash was removed', async () => {
    await someHistory();
    const row = await db.audit.get(5);
    if (!row) throw new Error('no entry 5');
    delete row.hash;
    await db.audit.put(row);
    expect(await verifyAuditChain()).toMatchObject({
      ok: false,
      brokenAt: 5,
      reason: 'hash',
      message: '第 5 条记录缺少校验值（可能被改动）',
    });
  });

  it('reports a deleted entry in the middle (link) at the next one', async () => {
    await someHistory();
    await db.audit.delete(3);
    expect(await verifyAuditChain()).toMatchObject({
      ok: false,
      count: 2,
      brokenAt: 4,
      reason: 'link',
      message: '第 4 条记录与前一条的链接断开（前一条可能被删除或改动）',
    });
  });

  it('reports an entry changed with its hash recomputed (link) at the next one', async () => {
    await someHistory();
    const row = await db.audit.get(2);
    if (!row) throw new Error('no entry 2');
    const forged: AuditEntry = { ...row, operator: '李四' };
    forged.hash = hashAuditEntry(forged);
    await db.audit.put(forged);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, brokenAt: 3, reason: 'link' });
  });

  it('reports the newest entries deleted and the log written after that (gap)', async () => {
    await someHistory();
    await db.audit.bulkDelete([6, 7]);
    await addUnit(unitInput(yearId, '区农业农村局'));
    expect((await auditRows()).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 8]);
    expect(await verifyAuditChain()).toMatchObject({
      ok: false,
      count: 5,
      brokenAt: 8,
      reason: 'gap',
      message: '第 8 条记录之前缺少第 6–7 条记录（可能被删除）',
    });
  });

  it('skips the legacy entries written before the chain, and counts them', async () => {
    // A log of an earlier program: entries without prevHash and hash.
    await db.audit.clear();
    const legacy: AuditEntry[] = [1, 2, 3].map((i) => ({
      at: `2026-01-0${i}T00:00:00.000Z`,
      operator: '张三',
      action: 'create',
      entity: 'units',
      entityId: `old${i}`,
      after: { name: `旧${i}` },
    }));
    await db.audit.bulkAdd(legacy);
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 0, legacy: 3 });
    await someHistory();
    const rows = await auditRows();
    expect(rows[3]?.prevHash).toBe('');
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 6, legacy: 3 });
    // A legacy entry may be changed unnoticed; the chained ones may not.
    const seqs = rows.map((e) => e.seq ?? 0);
    await db.audit.update(seqs[1] ?? 0, { operator: '李四' });
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 6, legacy: 3 });
    await db.audit.update(seqs[5] ?? 0, { operator: '李四' });
    expect(await verifyAuditChain()).toMatchObject({
      ok: false,
      legacy: 3,
      count: 2,
      brokenAt: seqs[5],
      reason: 'hash',
    });
  });

  it('finds a change among many entries, read page by page', async () => {
    await writeTransaction([db.units], async (w) => {
      for (let i = 0; i < 2500; i++)
        await w.add(db.units, { ...unitInput(yearId, `单位${i}`), id: `u${i}`, sortOrder: i + 1 });
    });
    expect(await verifyAuditChain()).toEqual({ ok: true, count: 2501, legacy: 0 });
    await db.audit.update(2222, { entityId: 'x' });
    expect(await verifyAuditChain()).toMatchObject({ ok: false, count: 2221, brokenAt: 2222, reason: 'hash' });
  });
});
