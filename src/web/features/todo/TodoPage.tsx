// Start page ("Việc cần làm"): what waits for the signed-in user, grouped by kind, each item a
// link to where the work is done. Every role lands here after signing in.
import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useSession } from '../../app/session.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { groupByKind, refreshTodo, type TodoItem } from './todo-api.ts';
import { todoStrings, type TodoStrings } from './strings.ts';
import { useTodo } from './use-todo.ts';

function detail(s: TodoStrings, item: TodoItem): string | null {
  if (item.kind === 'report_late' && item.count > 1) return s.missedPeriods(item.count);
  if (item.kind === 'reports_missing') return s.unitsMissing(item.count);
  return null;
}

export function TodoPage() {
  const { lang } = useI18n();
  const { me } = useSession();
  const s = todoStrings(lang);
  const view = useTodo();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const load = () => {
    setLoading(true);
    setError(null);
    refreshTodo().then(
      () => setLoading(false),
      (e: unknown) => {
        setError(e);
        setLoading(false);
      },
    );
  };
  // Always fresh on opening the page.
  useEffect(load, []);

  const groups = view ? groupByKind(view.items) : [];
  return (
    <Stack gap="md" data-testid="todo-page">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h3">
            {s.title}
          </Title>
          <Text size="sm" c="dimmed">
            {s.intro(me.unitName)}
          </Text>
        </div>
        <Button variant="default" size="xs" onClick={load} loading={loading}>
          {s.reload}
        </Button>
      </Group>
      {error != null && <LoadError error={error} onRetry={load} />}
      {!view && !error && <Loading />}
      {view && groups.length === 0 && (
        <Paper withBorder p="md" data-testid="todo-empty">
          <Text size="sm">{s.empty}</Text>
        </Paper>
      )}
      {groups.map((g) => {
        const total = view?.counts[g.kind] ?? g.items.length;
        return (
          <Paper withBorder p="sm" key={g.kind} component="section" aria-labelledby={`todo-${g.kind}`} data-testid={`todo-group-${g.kind}`}>
            <Group gap="xs" mb="xs">
              <Title order={2} size="h5" id={`todo-${g.kind}`}>
                {s.kinds[g.kind]}
              </Title>
              <Badge variant="light" data-testid={`todo-count-${g.kind}`}>
                {total}
              </Badge>
            </Group>
            <List spacing={6} size="sm">
              {g.items.map((item, i) => {
                const extra = detail(s, item);
                return (
                  <List.Item key={`${item.href}-${i}`} data-testid="todo-item">
                    <Anchor href={item.href}>{item.title}</Anchor>
                    {item.dueAt && (
                      <Text span size="sm" c={item.kind === 'report_late' ? 'red.8' : 'dimmed'}>
                        {' · '}
                        {s.due(formatDateTime(item.dueAt, lang))}
                      </Text>
                    )}
                    {extra && (
                      <Text span size="sm" c="dimmed">
                        {' · '}
                        {extra}
                      </Text>
                    )}
                  </List.Item>
                );
              })}
            </List>
            {total > g.items.length && (
              <Text size="xs" c="dimmed" mt="xs">
                {s.more(g.items.length, total)}
              </Text>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
