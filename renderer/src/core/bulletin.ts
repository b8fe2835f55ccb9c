// What the 督查通报 says of each listed unit: one short summary in the running text (75分，未报送5项、
// 进度滞后2项) and every confirmed 加扣分 line in the attached table (附件), as the office writes a
// 通报: the text reads aloud, the evidence is there to check.
import type { ListedUnit } from './ranking';

/** One confirmed 加扣分 of a unit, as the attachment lists it. */
export interface EvidenceLine {
  ruleId: string;
  points: number;
  reason: string;
}

export type ListKind = 'red' | 'black' | 'heldOff';

export const listKindLabels: Record<ListKind, string> = { red: '红榜', black: '黑榜', heldOff: '未列入红榜' };

/** A listed unit's summary and its evidence lines, for the 通报. */
export interface BulletinUnit {
  unit: string;
  list: ListKind;
  score: number;
  /** '75分，未报送5项、进度滞后2项' */
  summary: string;
  lines: EvidenceLine[];
}

const points = (v: number): string => String(Math.round(v * 100) / 100);

/**
 * '未报送5项、进度滞后2项': the lines of one direction counted by rule, the most frequent first
 * (ties in the order met). A hand-entered line counts as 其他扣分 / 其他加分.
 */
export function countsByRule(
  lines: readonly EvidenceLine[],
  sign: 1 | -1,
  ruleName: (ruleId: string) => string | undefined,
): string {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (Math.sign(line.points) !== sign) continue;
    const name =
      line.ruleId === 'manual' ? (sign < 0 ? '其他扣分' : '其他加分') : (ruleName(line.ruleId) ?? line.ruleId);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([name, n], i) => ({ name, n, i }))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .map(({ name, n }) => `${name}${n}项`)
    .join('、');
}

/**
 * The summary of a listed unit, led by its score: red — its rank and its additions counted by rule
 * (or 无扣分事项); held off — what keeps it off the red list; black — its deductions counted by
 * rule, else why its score put it there (the list's reason without the score it repeats).
 */
export function listedSummary(
  kind: ListKind,
  listed: Pick<ListedUnit, 'score' | 'rank' | 'reason'>,
  lines: readonly EvidenceLine[],
  ruleName: (ruleId: string) => string | undefined,
): string {
  const score = `${points(listed.score)}分`;
  if (kind === 'heldOff') return `${score}，${listed.reason}`;
  if (kind === 'red') {
    const added = countsByRule(lines, 1, ruleName);
    const clean = !lines.some((l) => l.points < 0);
    return [score, `本组第${listed.rank}名`, added || (clean ? '无扣分事项' : '')].filter(Boolean).join('，');
  }
  const deducted = countsByRule(lines, -1, ruleName);
  return `${score}，${deducted || listed.reason.replace(/^得分[\d.]+，/u, '')}`;
}
