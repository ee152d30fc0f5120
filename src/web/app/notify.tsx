// Lightweight toast stack built on Mantine's <Notification> (the separate
// @mantine/notifications package is not needed).
import { Notification } from '@mantine/core';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../api.ts';
import { useI18n } from './i18n-context.tsx';

type Kind = 'success' | 'error' | 'info';

interface Toast {
  id: number;
  kind: Kind;
  title?: string;
  message: string;
}

interface Notifier {
  notify: (kind: Kind, message: string, title?: string) => void;
  notifyError: (err: unknown) => void;
}

const NotifyContext = createContext<Notifier | null>(null);

const COLORS: Record<Kind, string> = { success: 'green', error: 'red', info: 'blue' };

export function NotifyProvider({ children }: { children: ReactNode }) {
  const { lang, t } = useI18n();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((x) => x.id !== id)), []);

  const notify = useCallback(
    (kind: Kind, message: string, title?: string) => {
      const id = nextId.current++;
      setToasts((ts) => [...ts.slice(-3), { id, kind, message, ...(title ? { title } : {}) }]);
      setTimeout(() => dismiss(id), kind === 'error' ? 10_000 : 5_000);
    },
    [dismiss],
  );

  const value = useMemo<Notifier>(
    () => ({
      notify,
      notifyError: (err: unknown) => notify('error', errorMessage(err, lang), t('common.error')),
    }),
    [notify, lang, t],
  );

  return (
    <NotifyContext.Provider value={value}>
      {children}
      <div className="loa-toasts" aria-live="polite">
        {toasts.map((x) => (
          <Notification
            key={x.id}
            color={COLORS[x.kind]}
            title={x.title}
            role={x.kind === 'error' ? 'alert' : 'status'}
            withBorder
            onClose={() => dismiss(x.id)}
            closeButtonProps={{ 'aria-label': t('common.close') }}
            data-testid={`toast-${x.kind}`}
          >
            {x.message}
          </Notification>
        ))}
      </div>
    </NotifyContext.Provider>
  );
}

export function useNotify(): Notifier {
  const ctx = useContext(NotifyContext);
  if (!ctx) throw new Error('useNotify outside NotifyProvider');
  return ctx;
}
