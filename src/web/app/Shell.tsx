// Application frame: header (title, language switch, user, logout) and a
// navigation sidebar that collapses behind a burger button on small screens.
import { AppShell, Burger, Button, Group, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import type { Role } from '../api.ts';
import type { Lang, MessageKey } from '../i18n.ts';
import { menuCounts, refreshTodo, TODO_ROUTE } from '../features/todo/todo-api.ts';
import { todoStrings } from '../features/todo/strings.ts';
import { useTodo } from '../features/todo/use-todo.ts';
import { href, useRoute } from '../router.tsx';
import { useI18n } from './i18n-context.tsx';
import { LangSwitch } from './LangSwitch.tsx';
import { hasRole, isAdmin, useSession } from './session.tsx';
import { authStrings } from '../features/auth/strings.ts';

interface NavItem {
  to: string;
  label: MessageKey | Record<Lang, string>;
  adminOnly?: boolean;
  /** Shown only to users with one of these roles. */
  roles?: Role[];
}

const NAV: NavItem[] = [
  { to: TODO_ROUTE, label: { vi: 'Việc cần làm', en: 'To do' } },
  { to: '/units', label: 'nav.units' },
  // Reporters have no access to outgoing documents (directive.read).
  { to: '/outgoing', label: 'nav.outgoing', roles: ['system_admin', 'unit_admin', 'drafter', 'approver', 'clerk', 'viewer'] },
  { to: '/inbox', label: 'nav.inbox' },
  { to: '/imports', label: { vi: 'Nhập văn bản đến', en: 'Import incoming document' }, roles: ['system_admin', 'unit_admin', 'drafter', 'clerk'] },
  { to: '/reports', label: { vi: 'Báo cáo định kỳ', en: 'Periodic reports' } },
  { to: '/portal', label: { vi: 'Cổng thông tin', en: 'Public portal' }, roles: ['system_admin', 'unit_admin', 'drafter', 'approver'] },
  // The roles holding broadcast.read (SMS campaigns).
  { to: '/sms', label: { vi: 'Tin nhắn SMS', en: 'SMS messages' }, roles: ['system_admin', 'unit_admin', 'drafter', 'approver', 'clerk', 'viewer'] },
  { to: '/subscribers', label: { vi: 'Danh bạ thuê bao SMS', en: 'SMS subscribers' }, roles: ['system_admin', 'unit_admin', 'drafter', 'approver', 'clerk', 'viewer'] },
  // The roles holding device.read (loudspeaker clusters and LED boards).
  { to: '/devices', label: { vi: 'Thiết bị truyền thanh', en: 'Broadcast devices' }, roles: ['system_admin', 'unit_admin', 'drafter', 'approver', 'clerk', 'viewer'] },
  // The roles holding broadcast.read (bulletins are broadcasts rendered for loudspeakers and LED boards).
  { to: '/bulletins', label: { vi: 'Bản tin truyền thanh', en: 'Radio bulletins' }, roles: ['system_admin', 'unit_admin', 'drafter', 'approver', 'clerk', 'viewer'] },
  // The roles holding broadcast.read (CAP alerts: composed with broadcast.draft, published with broadcast.approve).
  { to: '/alerts', label: { vi: 'Cảnh báo CAP', en: 'CAP alerts' }, roles: ['system_admin', 'unit_admin', 'drafter', 'approver', 'clerk', 'viewer'] },
  // Composed with broadcast.draft (drafters preview), launched with broadcast.approve (the unit's leader).
  { to: '/emergency', label: { vi: 'Thông báo khẩn cấp', en: 'Emergency message' }, roles: ['drafter', 'approver'] },
  // The roles holding social.read (the unit's Facebook pages and Zalo OAs) and social.inbox (their messages).
  { to: '/social', label: { vi: 'Trang mạng xã hội', en: 'Social pages' }, roles: ['system_admin', 'unit_admin', 'drafter', 'approver'] },
  { to: '/social-inbox', label: { vi: 'Hộp thư mạng xã hội', en: 'Social inbox' }, roles: ['unit_admin', 'drafter', 'approver'] },
  // The roles holding rumor.read (the misinformation desk's cases).
  { to: '/rumors', label: { vi: 'Tin sai sự thật', en: 'Misinformation' }, roles: ['system_admin', 'unit_admin', 'drafter', 'approver', 'viewer', 'desk_lead'] },
  // The roles holding broadcast.read read programmes; programme.write (unit admins, drafters, approvers) edits them.
  { to: '/programmes', label: { vi: 'Lịch phát sóng', en: 'Broadcast schedule' }, roles: ['system_admin', 'unit_admin', 'drafter', 'approver', 'clerk', 'viewer'] },
  { to: '/users', label: 'nav.users', adminOnly: true },
  { to: '/groups', label: 'nav.groups' },
  { to: '/audit', label: 'nav.audit', adminOnly: true },
  { to: '/password', label: 'nav.password' },
];

// White on red 8 keeps the count above WCAG AA contrast.
const NAV_COUNT_STYLE = {
  display: 'inline-block',
  minWidth: 20,
  padding: '0 6px',
  borderRadius: 10,
  background: 'var(--mantine-color-red-8)',
  color: '#fff',
  fontSize: 12,
  fontWeight: 600,
  textAlign: 'center',
} as const;

export function Shell({ children }: { children: ReactNode }) {
  const { t, lang } = useI18n();
  const authText = authStrings(lang);
  const { me, signOut } = useSession();
  const route = useRoute();
  const [opened, setOpened] = useState(false);
  const admin = isAdmin(me);

  // Close the mobile menu after navigating.
  useEffect(() => setOpened(false), [route.path]);
  // Counts of waiting work beside the menu entries, refreshed on every move.
  const todo = useTodo();
  const counts = menuCounts(todo?.counts ?? {});
  useEffect(() => {
    refreshTodo().catch(() => undefined);
  }, [route.path]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={() => setOpened((o) => !o)} hiddenFrom="sm" size="sm" aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')} />
            <Text fw={700} c="blue.8" size="lg" style={{ whiteSpace: 'nowrap' }} visibleFrom="xs">
              {t('app.title')}
            </Text>
            <Text fw={700} c="blue.8" size="lg" hiddenFrom="xs" aria-hidden>
              Loa
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="sm" data-testid="current-user">
              {me.displayName}
            </Text>
            <LangSwitch />
            <Button variant="default" size="xs" onClick={() => void signOut()} data-testid="logout">
              {authText.logout}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <nav className="loa-nav" aria-label={t('nav.main')}>
          {NAV.filter((n) => (!n.adminOnly || admin) && (!n.roles || hasRole(me, ...n.roles))).map((n) => {
            const active = route.path === n.to || route.path.startsWith(n.to + '/');
            return (
              <a key={n.to} href={href(n.to)} aria-current={active ? 'page' : undefined} data-testid={`nav-${n.to.slice(1)}`}>
                {typeof n.label === 'string' ? t(n.label) : n.label[lang]}
                {(counts[n.to] ?? 0) > 0 && (
                  <>
                    {' '}
                    <span style={NAV_COUNT_STYLE} data-testid={`nav-count-${n.to.slice(1)}`} title={todoStrings(lang).menuCount(counts[n.to] ?? 0)}>
                      {counts[n.to]}
                    </span>
                  </>
                )}
              </a>
            );
          })}
        </nav>
        <Text size="xs" c="dimmed" mt="auto" pt="md">
          {me.displayName} · {me.unitName}
        </Text>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
