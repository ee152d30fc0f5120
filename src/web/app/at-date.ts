// The "Tại ngày" (as-of date) shared by the unit tree, search and group
// members. Defaults to today; remembered for the browser tab only.
import { useCallback, useState } from 'react';
import { isValidIsoDate, today } from './dates.ts';

const KEY = 'loa.at';

function read(): string {
  try {
    const v = window.sessionStorage.getItem(KEY);
    if (v && isValidIsoDate(v)) return v;
  } catch {
    // storage unavailable
  }
  return today();
}

export function useAtDate(): [string, (at: string) => void] {
  const [at, setAtState] = useState<string>(read);
  const setAt = useCallback((v: string) => {
    if (!isValidIsoDate(v)) return;
    try {
      window.sessionStorage.setItem(KEY, v);
    } catch {
      // ignore
    }
    setAtState(v);
  }, []);
  return [at, setAt];
}
