import { describe, expect, it } from 'vitest';
import { isNoteRow } from '../../../core/import/notes';
import type { Task } from '../../../core/model';
import { instructions, metaSheet, roleOf, tasksForUnit } from './common';

function task(id: string, code: string, leadUnitId: string | undefined, coUnitIds: string[]): Task {
  const base: Task = {
    id,
    yearId: 'y',
    code,
    title: id,
    measures: [],
    targets: [],
    leaderIds: [],
    coUnitIds,
    responsiblePerson: '',
    dueDate: '2026-11-30',
  };
  return leadUnitId === undefined ? base : { ...base, leadUnitId };
}

describe('tasksForUnit', () => {
  const tasks = [
    task('a', '10', 'u1', []),
    task('b', '2', 'u2', ['u1']),
    task('c', '9', 'u1', ['u3']),
    task('d', '1', 'u2', ['u3']),
    task('e', '1', undefined, ['u1']),
  ];

  it('gives the tasks a unit leads, then those it assists, each by 序号', () => {
    expect(tasksForUnit(tasks, 'u1').map((t) => [t.task.id, t.role])).toEqual([
      ['c', 'lead'],
      ['a', 'lead'],
      ['e', 'co'],
      ['b', 'co'],
    ]);
    expect(tasksForUnit(tasks, 'nobody')).toEqual([]);
  });

  it('tells the role of a unit on a task', () => {
    expect([roleOf(tasks[1] as Task, 'u2'), roleOf(tasks[1] as Task, 'u1'), roleOf(tasks[1] as Task, 'u3')]).toEqual([
      'lead',
      'co',
      undefined,
    ]);
  });
});

describe('helpers', () => {
  it('writes the instructions as one cell the importer skips as a note', () => {
    const notes = instructions(['甲', '乙']);
    expect(notes).toEqual(['填报说明：\n1. 甲\n2. 乙']);
    expect(isNoteRow([{ t: 'text', v: notes[0] as string }])).toBe(true);
  });

  it('builds the hidden _meta sheet from metaRows', () => {
    expect(metaSheet({ kind: 'progress', year: 2026, month: 5, unit: '东城街道' })).toMatchObject({
      name: '_meta',
      hidden: true,
      rows: [
        { key: 'kind', value: 'progress' },
        { key: 'year', value: 2026 },
        { key: 'month', value: 5 },
        { key: 'unit', value: '东城街道' },
      ],
    });
  });
});
