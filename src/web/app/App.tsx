// Root component: providers, session bootstrap, login gate, shell and routes.
import { Alert, Button, Center, DEFAULT_THEME, Loader, MantineProvider, Stack, createTheme } from '@mantine/core';
import type { MantineColorsTuple } from '@mantine/core';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { configureApi, errorMessage, getMe, type Me } from '../api.ts';
import { logout } from '../features/auth/auth-api.ts';
import { InvitePage } from '../features/auth/InvitePage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { clearTodo } from '../features/todo/todo-api.ts';
import { navigate, useRoute } from '../router.tsx';
import { I18nProvider, useI18n } from './i18n-context.tsx';
import { NotifyProvider, useNotify } from './notify.tsx';
import { SessionProvider, type SessionValue } from './session.tsx';
import { authStrings } from '../features/auth/strings.ts';

// Pages are split into separate chunks: the login screen paints without them.
const loadShell = () => import('./Shell.tsx');
const loadUnits = () => import('../features/units/UnitsPage.tsx');
const Shell = lazy(() => loadShell().then((m) => ({ default: m.Shell })));
const UnitsPage = lazy(() => loadUnits().then((m) => ({ default: m.UnitsPage })));
const UsersPage = lazy(() => import('../features/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const GroupsPage = lazy(() => import('../features/groups/GroupsPage.tsx').then((m) => ({ default: m.GroupsPage })));
const OutgoingPage = lazy(() => import('../features/directives/OutgoingPage.tsx').then((m) => ({ default: m.OutgoingPage })));
const InboxPage = lazy(() => import('../features/inbox/InboxPage.tsx').then((m) => ({ default: m.InboxPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })));
const PasswordPage = lazy(() => import('../features/auth/PasswordPage.tsx').then((m) => ({ default: m.PasswordPage })));
const PortalPage = lazy(() => import('../features/portal/PortalPage.tsx').then((m) => ({ default: m.PortalPage })));
const ImportPage = lazy(() => import('../features/imports/ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const BroadcastsPage = lazy(() => import('../features/broadcasts/BroadcastsPage.tsx').then((m) => ({ default: m.BroadcastsPage })));
const SubscribersPage = lazy(() => import('../features/subscribers/SubscribersPage.tsx').then((m) => ({ default: m.SubscribersPage })));
const DevicesPage = lazy(() => import('../features/devices/DevicesPage.tsx').then((m) => ({ default: m.DevicesPage })));
const ProgrammesPage = lazy(() => import('../features/programmes/ProgrammesPage.tsx').then((m) => ({ default: m.ProgrammesPage })));
const BulletinsPage = lazy(() => import('../features/bulletins/BulletinsPage.tsx').then((m) => ({ default: m.BulletinsPage })));
const AlertsPage = lazy(() => import('../features/alerts/AlertsPage.tsx').then((m) => ({ default: m.AlertsPage })));
const EmergencyPage = lazy(() => import('../features/emergency/EmergencyPage.tsx').then((m) => ({ default: m.EmergencyPage })));
const SocialPagesPage = lazy(() => import('../features/social/SocialPagesPage.tsx').then((m) => ({ default: m.SocialPagesPage })));
const SocialInboxPage = lazy(() => import('../features/social/SocialInboxPage.tsx').then((m) => ({ default: m.SocialInboxPage })));
const RumorsPage = lazy(() => import('../features/rumors/RumorsPage.tsx').then((m) => ({ default: m.RumorsPage })));
// Every role lands on its start page ("Việc cần làm").
const loadTodo = () => import('../features/todo/TodoPage.tsx');
const TodoPage = lazy(() => loadTodo().then((m) => ({ default: m.TodoPage })));

/** A Mantine palette with its darkest shades replaced. */
const withShades = (name: 'blue' | 'green' | 'orange', shades: Record<number, string>): MantineColorsTuple =>
  DEFAULT_THEME.colors[name].map((c, i) => shades[i] ?? c) as unknown as MantineColorsTuple;

const theme = createTheme({
  primaryColor: 'blue',
  // Darker 8 and 9 shades: white on filled badges and coloured text on light (tinted) badges, alerts
  // and buttons meet WCAG AA (4.5:1); Mantine's own orange 8, green 8 and orange/green/blue 9 do not.
  colors: {
    blue: withShades('blue', { 9: '#124e86' }),
    green: withShades('green', { 8: '#237a35', 9: '#1b5e2a' }),
    orange: withShades('orange', { 8: '#c2410c', 9: '#a63d0a' }),
  },
  // Shade 8 keeps white-on-blue buttons above WCAG AA contrast (4.5:1).
  primaryShade: 8,
  defaultRadius: 'sm',
  // System fonts only: no web-font download on slow links.
  fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <I18nProvider>
        <NotifyProvider>
          <SessionGate />
        </NotifyProvider>
      </I18nProvider>
    </MantineProvider>
  );
}

function FullPageLoader() {
  const { t } = useI18n();
  return (
    <Center mih="60vh" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="sm" />
        <span>{t('common.loading')}</span>
      </Stack>
    </Center>
  );
}

type Boot = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; me: Me | null };

function SessionGate() {
  const { t, lang } = useI18n();
  const authText = authStrings(lang);
  const { notify, notifyError } = useNotify();
  const [boot, setBoot] = useState<Boot>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let alive = true;
    getMe().then(
      (s) => alive && setBoot({ status: 'ready', me: s?.user ?? null }),
      (e: unknown) => alive && setBoot({ status: 'error', message: errorMessage(e, lang) }),
    );
    return () => {
      alive = false;
    };
    // Only on start / retry, not on language switch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  useEffect(() => {
    configureApi({
      onUnauthorized: () => {
        setBoot((b) => {
          if (b.status === 'ready' && b.me) notify('info', authText.sessionExpired);
          return { status: 'ready', me: null };
        });
      },
    });
  }, [notify, authText]);

  const setMe = useCallback((me: Me) => setBoot({ status: 'ready', me }), []);
  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch (e) {
      notifyError(e);
    }
    clearTodo();
    setBoot({ status: 'ready', me: null });
    navigate('/todo', { replace: true });
  }, [notifyError]);

  const me = boot.status === 'ready' ? boot.me : null;
  const session = useMemo<SessionValue | null>(() => (me ? { me, setMe, signOut } : null), [me, setMe, signOut]);
  const route = useRoute();
  const inviteToken = route.segments[0] === 'invite' ? (route.segments[1] ?? null) : null;

  if (boot.status === 'loading') return <FullPageLoader />;
  if (boot.status === 'error') {
    return (
      <Center mih="60vh" p="md">
        <Alert color="red" title={t('common.error')} maw={420}>
          <Stack gap="sm">
            <span>{boot.message}</span>
            <Button
              onClick={() => {
                setBoot({ status: 'loading' });
                setAttempt((n) => n + 1);
              }}
            >
              {t('common.retry')}
            </Button>
          </Stack>
        </Alert>
      </Center>
    );
  }
  if (!session && inviteToken) {
    return <InvitePage token={inviteToken} onLoggedIn={(u) => setMe(u)} />;
  }
  if (!session) {
    return (
      <LoginPage
        onLoggedIn={(u) => {
          setMe(u);
          // Warm the main page chunk right away.
          void loadShell();
          void loadTodo();
        }}
      />
    );
  }
  return (
    <SessionProvider value={session}>
      <Suspense fallback={<FullPageLoader />}>
        <Shell>
          <Suspense fallback={<FullPageLoader />}>
            <Routes />
          </Suspense>
        </Shell>
      </Suspense>
    </SessionProvider>
  );
}

function Redirect({ to }: { to: string }): ReactNode {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function Routes() {
  const route = useRoute();
  const [first, second] = route.segments;
  switch (first) {
    case 'todo':
      return <TodoPage />;
    case 'units':
      return <UnitsPage selectedId={second ?? null} />;
    case 'users':
      return <UsersPage />;
    case 'groups':
      return <GroupsPage />;
    case 'outgoing':
      return <OutgoingPage id={second ?? null} />;
    case 'inbox':
      return <InboxPage itemId={second ?? null} />;
    case 'audit':
      return <AuditPage />;
    case 'reports':
      return <ReportsPage taskId={second ?? null} />;
    case 'password':
      return <PasswordPage />;
    case 'portal':
      return <PortalPage path={route.segments.slice(1)} />;
    case 'imports':
      return <ImportPage id={second ?? null} />;
    case 'sms':
      return <BroadcastsPage path={route.segments.slice(1)} />;
    case 'subscribers':
      return <SubscribersPage />;
    case 'devices':
      return <DevicesPage />;
    case 'bulletins':
      return <BulletinsPage path={route.segments.slice(1)} />;
    case 'alerts':
      return <AlertsPage path={route.segments.slice(1)} />;
    case 'emergency':
      return <EmergencyPage path={route.segments.slice(1)} />;
    case 'social':
      return <SocialPagesPage />;
    case 'social-inbox':
      return <SocialInboxPage itemId={second ?? null} />;
    case 'rumors':
      return <RumorsPage path={route.segments.slice(1)} />;
    case 'programmes':
      return <ProgrammesPage />;
    default:
      return <Redirect to="/todo" />;
  }
}
