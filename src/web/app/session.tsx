// Session state: who is logged in. The cookie itself is HttpOnly; we only
// keep the user profile and the CSRF token (inside the api module).
import { createContext, useContext, type ReactNode } from 'react';
import type { Me, Role } from '../api.ts';

export interface SessionValue {
  me: Me;
  setMe: (me: Me) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ value, children }: { value: SessionValue; children: ReactNode }) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

export function hasRole(me: Me, ...roles: Role[]): boolean {
  return me.roles.some((r) => roles.includes(r));
}

export function isAdmin(me: Me): boolean {
  return hasRole(me, 'system_admin', 'unit_admin');
}
