import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { addTask, addUnit, createWorkYear, db, getSetting, listScoreRules, setOperator, updateScoreRule } from '../db';
import { defaultCalendarSettings } from '../core/calendar';
import { replayUnsavedEdits, sameValue, type Edit } from './autosave';

// The journal lives in localStorage; Node has none, so a plain one stands in.
const storage = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => void storage.set(key, value),
    removeItem: (key: string) => void storage.delete(key),
  },
});
const JOURNAL_KEY = 'duchaduban.unsavedEdits';

/** Leaves edits in the journal as a window closed before their save would (JSON, as stored). */
function leaveInJournal(edits: Record<string, Edit>): void {
  const journal = Object.fromEntries(Object.entries(edits).map(([id, edit]) => [id, { edit, label: id }]));
  storage.set(JOURNAL_KEY, JSON.stringify(journal));
}
const journal = () => JSON.parse(storage.get(JOURNAL_KEY) ?? '{}') as Record<string, { error?: string }>;

let yearId: string;
let taskId: string;

beforeEach(async () => {
  storage.clear();
  await db.delete();
  await db.open();
  setOperator('周科员');
  yearId = (await createWorkYear({ ...defaultCalendarSettings(2026), title: '2026年度重点工作' })).id;
  const unit = await addUnit({
    yearId,
    name: '区经信局',
    kind: 'department',
    rankingGroup: '',
    aliases: [],
    contactPerson: '',
    phone: '',
  });
  taskId = (
    await addTask({
      yearId,
      code: '3',
      title: '提高制造业投资比重',
      measures: [],
      targets: [],
      leaderIds: [],
      leadUnitId: unit.id,
      coUnitIds: [],
      responsiblePerson: '',
      dueDate: '2026-11-30',
    })
  ).id;
});

describe('sameValue', () => {
  it('ignores spaces the writer trims and the order of keys, not the order of a list', () => {
    expect(sameValue({ a: ' 王明 ', b: [1, 2] }, { b: [1, 2], a: '王明' })).toBe(true);
    expect(sameValue({ a: '王明', b: [1, 2] }, { a: '王明', b: [2, 1] })).toBe(false);
    expect(sameValue({ a: '王明' }, { a: '王明', b: 1 })).toBe(false);
  });
});

describe('replayUnsavedEdits', () => {
  it('saves the edits a closed window left and empties the journal', async () => {
    leaveInJournal({
      [`task:${taskId}`]: { kind: 'task', args: { id: taskId, patch: { responsiblePerson: '王明' } } },
      'setting:progressRules': {
        kind: 'setting',
        args: { key: 'progressRules', value: { onTrackTolerance: 5, yellowMaxBehind: 35, dueSoonDays: 10 } },
      },
    });
    await replayUnsavedEdits();
    expect((await db.tasks.get(taskId))?.responsiblePerson).toBe('王明');
    expect(await getSetting('progressRules')).toEqual({ onTrackTolerance: 5, yellowMaxBehind: 35, dueSoonDays: 10 });
    expect(storage.has(JOURNAL_KEY)).toBe(false);
  });

  it('removes a rule cap and clears a task field through the JSON journal (null and "" survive it, undefined would not)', async () => {
    await updateScoreRule(yearId, 'missing', { cap: 10 });
    leaveInJournal({
      [`scoreRule:${yearId}:missing:cap`]: {
        kind: 'scoreRule',
        args: { yearId, ruleId: 'missing', patch: { cap: null } },
      },
      [`task:${taskId}`]: { kind: 'task', args: { id: taskId, patch: { leadUnitId: '' } } },
    });
    await replayUnsavedEdits();
    expect((await listScoreRules(yearId)).find((r) => r.id === 'missing')).not.toHaveProperty('cap');
    expect(await db.tasks.get(taskId)).not.toHaveProperty('leadUnitId');
    expect(storage.has(JOURNAL_KEY)).toBe(false);
  });

  it('keeps an edit that still cannot be saved, with the reason, and saves the others', async () => {
    leaveInJournal({
      'task:gone': { kind: 'task', args: { id: 'gone', patch: { responsiblePerson: '王明' } } },
      [`task:${taskId}`]: { kind: 'task', args: { id: taskId, patch: { code: '九' } } },
    });
    await replayUnsavedEdits();
    expect((await db.tasks.get(taskId))?.code).toBe('九');
    expect(Object.keys(journal())).toEqual(['task:gone']);
    expect(journal()['task:gone']?.error).toContain('重点工作不存在');
  });
});
