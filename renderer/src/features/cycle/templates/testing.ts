// Shared test data of the template tests: a year, a unit and tasks as the app stores them.
import { defaultCalendarSettings } from '../../../core/calendarSettings';
import type { Task, Unit, WorkYear } from '../../../core/model';

export const year: WorkYear = {
  id: 'y2026',
  title: '2026年度',
  ...defaultCalendarSettings(2026),
  createdAt: '2026-01-05T08:00:00.000Z',
};

export const unit: Unit = {
  id: 'u-dc',
  yearId: 'y2026',
  name: '东城街道',
  kind: 'town',
  rankingGroup: '镇街',
  aliases: [],
  contactPerson: '王某某',
  phone: '0575-81234567',
  sortOrder: 1,
};

export function task(id: string, code: string, title: string, dueDate = '2026-11-30'): Task {
  return {
    id,
    yearId: 'y2026',
    code,
    title,
    measures: [],
    targets: [],
    leaderIds: [],
    coUnitIds: [],
    responsiblePerson: '',
    dueDate,
  };
}
