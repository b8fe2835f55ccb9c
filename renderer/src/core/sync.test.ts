import { describe, expect, it } from 'vitest';
import { durationText, estimateSecondsLeft, judge, progressText, sealOf, statusLabel, type LeafInfo } from './sync';

const leaf = (rev: string, more: Partial<LeafInfo> = {}): LeafInfo => ({ rev, deleted: false, ...more });
const S = 'y1:6@2026-06-30T08:00:00.000Z';

describe('judge', () => {
  it.each<[string, LeafInfo, LeafInfo[], string | undefined, string | null, string | null]>([
    // label, winner, leaves, seal, shown rev, kind
    ['one version', leaf('2-a'), [leaf('2-a')], undefined, '2-a', null],
    ['a deleted record', leaf('3-a', { deleted: true }), [leaf('3-a', { deleted: true })], undefined, null, null],
    ['two edits of one revision', leaf('2-b'), [leaf('2-b'), leaf('2-a')], undefined, '2-b', 'edit'],
    ['an edit beside a deletion', leaf('2-b'), [leaf('2-b'), leaf('2-a', { deleted: true })], undefined, '2-b', 'edit'],
    [
      'a branch ended by a resolution is no version',
      leaf('3-b'),
      [leaf('3-b'), leaf('3-a', { deleted: true, resolved: true })],
      undefined,
      '3-b',
      null,
    ],
    ['published, everything sealed', leaf('3-a', { seal: S }), [leaf('3-a', { seal: S })], S, '3-a', null],
    [
      'published, an edit made elsewhere before the seal arrived (it won CouchDB’s choice)',
      leaf('3-z'),
      [leaf('3-z'), leaf('3-a', { seal: S })],
      S,
      '3-a',
      'published',
    ],
    ['published, a record created elsewhere: not shown', leaf('1-a'), [leaf('1-a')], S, null, 'published'],
    [
      'published, a deletion made elsewhere beside the sealed version',
      leaf('3-a', { seal: S }),
      [leaf('3-a', { seal: S }), leaf('3-b', { deleted: true })],
      S,
      '3-a',
      'published',
    ],
    [
      'published, deleted before publication: nothing to show, no conflict',
      leaf('2-a', { deleted: true }),
      [leaf('2-a', { deleted: true })],
      S,
      null,
      null,
    ],
    [
      'published, sealed by an earlier publication only',
      leaf('3-a', { seal: 'y1:6@2026-06-01T00:00:00.000Z' }),
      [leaf('3-a', { seal: 'y1:6@2026-06-01T00:00:00.000Z' })],
      S,
      null,
      'published',
    ],
  ])('%s', (_label, winner, leaves, seal, shown, kind) => {
    const judged = judge(winner, leaves, seal);
    expect(judged.shown?.rev ?? null).toBe(shown);
    expect(judged.kind).toBe(kind);
  });

  it('is the same whatever order the leaves come in (every PC decides alike)', () => {
    const leaves = [leaf('3-z'), leaf('3-a', { seal: S }), leaf('3-y', { deleted: true })];
    const a = judge(leaves[0]!, leaves, S);
    const b = judge(leaves[0]!, [...leaves].reverse(), S);
    expect(a.shown?.rev).toBe(b.shown?.rev);
    expect(a.kind).toBe(b.kind);
  });
});

describe('sealOf', () => {
  it('names a published month by its id and publication time; an open month has none', () => {
    expect(sealOf({ id: 'y1:6', state: 'published', publishedAt: '2026-06-30T08:00:00.000Z' })).toBe(S);
    expect(sealOf({ id: 'y1:6', state: 'open', publishedAt: '2026-06-30T08:00:00.000Z' })).toBeUndefined();
    expect(sealOf(undefined)).toBeUndefined();
  });
});

describe('statusLabel', () => {
  it.each<[Parameters<typeof statusLabel>[0], string]>([
    [{ phase: 'synced', pending: 0, conflicts: 0 }, '已同步'],
    [{ phase: 'syncing', pending: 0, conflicts: 0 }, '同步中'],
    [{ phase: 'offline', pending: 3, conflicts: 0 }, '离线，3项待上传'],
    [{ phase: 'synced', pending: 0, conflicts: 2 }, '冲突2项'],
    [{ phase: 'offline', pending: 1, conflicts: 2 }, '冲突2项 · 离线，1项待上传'],
    [{ phase: 'paused', pending: 0, conflicts: 0 }, '同步已暂停'],
    [
      { phase: 'initial', pending: 0, conflicts: 0, progress: { step: 'download', done: 250, total: 1000 } },
      '首次同步（下载）25%',
    ],
    [{ phase: 'off', pending: 0, conflicts: 0 }, '未启用同步'],
  ])('%j → %s', (status, text) => {
    expect(statusLabel(status)).toBe(text);
  });
});

describe('estimateSecondsLeft', () => {
  it('says nothing too early, then extrapolates the rate so far', () => {
    expect(estimateSecondsLeft(10, 1000, 2000)).toBeUndefined();
    expect(estimateSecondsLeft(5, 1000, 10_000)).toBeUndefined();
    expect(estimateSecondsLeft(250, 1000, 10_000)).toBe(30);
    expect(estimateSecondsLeft(1000, 1000, 10_000)).toBe(0);
  });

  it('in words', () => {
    expect(durationText(5)).toBe('不到 10 秒');
    expect(durationText(44)).toBe('约 40 秒');
    expect(durationText(600)).toBe('约 10 分钟');
    expect(durationText(7200)).toBe('约 2.0 小时');
  });
});

describe('progressText', () => {
  it.each([
    [{ step: 'download', done: 0, total: 0 }, '首次同步：从服务器下载 0 / ? 项，正在估算所需时间'],
    [
      { step: 'download', done: 16500, total: 65579, secondsLeft: 20 },
      '首次同步：从服务器下载 16500 / 约 65579 项，预计还需约 20 秒',
    ],
    [{ step: 'apply', done: 500, total: 65581 }, '首次同步：写入本机数据库 500 / 约 65581 项，正在估算所需时间'],
    // The count reached while the replication still reads the replica: not "estimating" for a minute.
    [{ step: 'upload', done: 2, total: 2 }, '首次同步：上传本机数据 2 / 约 2 项，正在与服务器核对'],
  ] as const)('%o', (progress, text) => {
    expect(progressText(progress)).toBe(text);
  });
});
