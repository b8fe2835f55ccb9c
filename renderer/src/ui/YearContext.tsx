import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { WorkYear } from '../core/model';
import { prefetchTasks, useWorkYears } from '../db';

interface YearState {
  years: WorkYear[] | undefined;
  /** The year every screen works on: the chosen one, else the newest. */
  current: WorkYear | undefined;
  choose(yearId: string): void;
}

// Which year is on screen is a view preference, not office data: it stays out of the audited database.
const storageKey = 'duchaduban.currentYearId';
const YearContext = createContext<YearState | undefined>(undefined);

export function YearProvider({ children }: { children: ReactNode }) {
  const years = useWorkYears();
  const [chosenId, setChosenId] = useState(() => localStorage.getItem(storageKey));
  const value = useMemo<YearState>(
    () => ({
      years,
      current: years?.find((y) => y.id === chosenId) ?? years?.[0],
      choose: (yearId) => {
        localStorage.setItem(storageKey, yearId);
        setChosenId(yearId);
      },
    }),
    [years, chosenId],
  );
  // Read the year's tasks once the first screen is up, so the ledger opens without waiting.
  const currentId = value.current?.id;
  useEffect(() => {
    if (!currentId) return;
    const handle = setTimeout(() => void prefetchTasks(currentId), 200);
    return () => clearTimeout(handle);
  }, [currentId]);
  return <YearContext.Provider value={value}>{children}</YearContext.Provider>;
}

export function useYear(): YearState {
  const state = useContext(YearContext);
  if (!state) throw new Error('useYear outside YearProvider');
  return state;
}

const WorkYearContext = createContext<WorkYear | undefined>(undefined);

/** Hands the current year (none before the first is created) down to the screens that work inside one. */
export function YearGate({ year, children }: { year: WorkYear | undefined; children: ReactNode }) {
  return <WorkYearContext.Provider value={year}>{children}</WorkYearContext.Provider>;
}

/** The year a screen behind the YearGate works on. */
export function useWorkYear(): WorkYear {
  const year = useContext(WorkYearContext);
  if (!year) throw new Error('useWorkYear outside YearGate');
  return year;
}
