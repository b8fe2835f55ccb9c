// Every screen's address, typed: a route is made only by these helpers, so a link to a screen
// that does not exist, or without the month or id it needs, does not compile. Hash routes
// (ui/useHashRoute.ts) behave the same under app:// and http://.

import type { TemplateKind } from '../core/import/types';

const withMonth = (name: string) => (month?: number) => (month === undefined ? name : `${name}/${month}`);

const paths = {
  home: () => 'home',
  year: () => 'year',
  units: () => 'units',
  leaders: () => 'leaders',
  ledger: () => 'ledger',
  task: (taskId: string) => `task/${taskId}`,
  plans: () => 'plans',
  reports: withMonth('reports'),
  reminders: withMonth('reminders'),
  feedback: withMonth('feedback'),
  scores: withMonth('scores'),
  ranking: withMonth('ranking'),
  lists: withMonth('lists'),
  evaluation: () => 'evaluation',
  retrospective: () => 'retrospective',
  retro: (taskId: string) => `retro/${taskId}`,
  'year-report': () => 'year-report',
  unit: (unitId: string) => `unit/${unitId}`,
  /** An import screen: a template kind, the month for progress sheets. */
  import: (kind: Exclude<TemplateKind, 'progress'> | { progress: number }) =>
    typeof kind === 'string' ? `import/${kind}` : `import/progress/${kind.progress}`,
  imports: () => 'imports',
  rules: () => 'rules',
  aliases: () => 'aliases',
  safety: () => 'safety',
  /** 同步冲突 (several PCs, issue 16). */
  conflicts: () => 'conflicts',
  help: () => 'help',
  audit: () => 'audit',
} satisfies Record<string, (...args: never[]) => string>;

export type RouteName = keyof typeof paths;

declare const routeBrand: unique symbol;
/** A path made by `routes` (e.g. 'feedback/5'): the only thing navigateTo takes. */
export type RoutePath = string & { readonly [routeBrand]: true };

/** The path of each screen, with what it needs: routes.feedback(5), routes.task(id). */
export const routes = paths as { [K in RouteName]: (...args: Parameters<(typeof paths)[K]>) => RoutePath };

export function isRouteName(name: string): name is RouteName {
  return Object.hasOwn(paths, name);
}

/** The screens whose address needs nothing: the drawer's. */
export type PlainRoute = {
  [K in RouteName]: [] extends Parameters<(typeof paths)[K]> ? K : never;
}[RouteName];

/** The address of a screen that needs nothing (routes.feedback() without a month opens the month last shown). */
export function plainRoute(name: PlainRoute): RoutePath {
  return routes[name]();
}
