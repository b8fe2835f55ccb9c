// Settling a conflict (同步冲突): a person picks one version or merges them field by field.
// The chosen content becomes a new revision on the branch the app shows (through the audited
// writer, so it is logged and queued like any edit), and every other version's branch gets a
// deletion marked `resolved` — all in one transaction. Every PC then sees one version.
//
// In a month still published only the published version can be kept: taking the other one
// means reopening the month first (which turns the conflict into an ordinary one).
import { deepEqual } from '../equal';
import { DomainError } from '../errors';
import { writeTransaction } from '../audit';
import { db } from '../schema';
import { DEVICE_KEY, READ_ONLY_MESSAGE, ROLE_KEY } from './record';
import { nextRev } from './revs';
import type { DeviceState, OutboxRow, SyncBody } from './types';
import { getOperator } from '../operator';

export type Resolution =
  /** Keep this content (one version as it is, or a merge): null deletes the record. */
  { row: Record<string, unknown> | null };

export async function resolveConflict(docId: string, resolution: Resolution): Promise<void> {
  const conflict = await db.syncConflicts.get(docId);
  if (!conflict) throw new DomainError('该冲突已经处理（可能已在其他电脑上处理）');
  const table = db.table(conflict.table);
  await writeTransaction([table, db.syncConflicts, db.monthStates], async (w) => {
    const current = await db.syncConflicts.get(docId);
    if (!current || current.winner !== conflict.winner) throw new DomainError('该冲突已有变化，请重新查看');
    const [device, role] = await db.syncState.bulkGet([DEVICE_KEY, ROLE_KEY]);
    if (role?.value === 'reader') throw new DomainError(READ_ONLY_MESSAGE);
    const me = device?.value as DeviceState | undefined;
    if (!me) throw new DomainError('本机未启用多机同步');
    if (current.kind === 'duplicate')
      throw new DomainError(
        '两台电脑分别新建了同一年度：请在其中一台电脑上停用同步并清除该年度后重新同步（见使用说明）',
      );
    const shownLeaf = current.leaves.find((l) => l.rev === current.shown);
    if (current.kind === 'published') {
      if (!shownLeaf || resolution.row === null || !deepEqual(resolution.row, shownLeaf.row))
        throw new DomainError(
          `${current.month ?? ''}月已发布：只能保留已发布的版本。如需采用另一版本，请先撤销该月发布并说明原因。`,
        );
    } else {
      const key = current.key as never;
      if (resolution.row === null) {
        if (await table.get(key)) await w.delete(table, key);
      } else {
        await w.put(table, resolution.row);
      }
    }
    // Every other version's branch ends here.
    const at = new Date().toISOString();
    const by = getOperator();
    const endings: OutboxRow[] = current.leaves
      .filter((l) => l.rev !== current.shown)
      .map((leaf) => {
        const body: SyncBody = {
          type: current.table,
          key: current.key,
          deviceId: me.deviceId,
          by,
          at,
          resolved: true,
        };
        if (leaf.row !== undefined) body.row = leaf.row;
        return { docId, rev: nextRev(leaf.rev, body, true), parent: leaf.rev, deleted: true, body, stage: 0 };
      });
    if (endings.length > 0) await db.outbox.bulkAdd(endings);
    await db.syncConflicts.delete(docId);
    const kept =
      resolution.row === null
        ? '删除该记录'
        : deepEqual(resolution.row, shownLeaf?.row)
          ? '保留当前显示的版本'
          : '采用选定或合并后的内容';
    await w.log('update', db.syncState, 'resolve', undefined, {
      name: `处理同步冲突：${kept}（${current.leaves.length}个版本）`,
      rows: 1,
      docId,
      kept: resolution.row,
      versions: current.leaves.map((l) => ({ rev: l.rev, by: l.by, at: l.at, deleted: l.deleted })),
    });
  });
}
