// What a confirmation did: the document in the inbox, the tasks created and skipped.
import { Alert, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { Link } from '../../router.tsx';
import { getTask, type ConfirmResult } from './imports-api.ts';
import { dueRuleText } from './model.ts';
import { ReportFormView } from './TasksPanel.tsx';
import { useStrings } from './page-state.ts';

export function ResultView({ result }: { result: ConfirmResult }) {
  const s = useStrings();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <Stack gap="md" data-testid="import-result">
      <Alert color="green" variant="light">
        <Stack gap={6} align="flex-start">
          <Title order={2} size="h4" ref={headingRef} tabIndex={-1}>
            {s.resultTitle}
          </Title>
          <Text fw={700} data-testid="import-arrival" data-arrival={result.arrivalNumber}>
            {s.arrival(result.arrivalNumber)}
          </Text>
          <Text size="sm">
            {result.directive.fullSymbol} — {result.directive.subject}
          </Text>
          <Text size="sm" c="dimmed">
            {result.directive.issuer}
          </Text>
          {result.inboxItemId && (
            <Link to={`/inbox/${encodeURIComponent(result.inboxItemId)}`} data-testid="import-inbox-link">
              {s.openItem}
            </Link>
          )}
        </Stack>
      </Alert>
      <Paper withBorder p="sm">
        <Title order={3} size="h5" mb="xs">
          {s.tasksCreated(result.tasks.length)}
        </Title>
        <Stack gap="sm">
          {result.tasks.map((task) => (
            <CreatedTask key={task.id} task={task} />
          ))}
        </Stack>
      </Paper>
      {result.skippedTasks.length > 0 && (
        <Paper withBorder p="sm" data-testid="import-skipped">
          <Title order={3} size="h5" mb="xs">
            {s.tasksSkipped(result.skippedTasks.length)}
          </Title>
          <List size="sm" withPadding>
            {result.skippedTasks.map((x, i) => (
              <List.Item key={i} data-testid="import-skipped-task">
                <Text size="sm" span fw={600}>
                  {x.title}
                </Text>
                <Text size="sm" span>
                  {' '}
                  — {s.reason}: {x.reason}
                </Text>
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  );
}

export function CreatedTask({ task }: { task: ConfirmResult['tasks'][number] }) {
  const s = useStrings();
  const res = useAsync(() => getTask(task.id), [task.id]);
  const d = res.data;
  return (
    <Paper p="xs" className="loa-import-item" data-testid="import-created-task" data-task-id={task.id} data-report-form={task.reportForm ? 'true' : 'false'}>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {task.title}
        </Text>
        <Text size="xs" c="dimmed">
          {s.unitsCount(task.assignees)}
          {task.reportForm ? ` · ${s.withForm}` : ''}
        </Text>
        {res.loading && !d && <Loading label={s.loadingTask} />}
        {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {d && (
          <>
            <Text size="sm" data-testid="import-created-due">
              {s.due}: {dueRuleText(d.task.dueRule, s)}
            </Text>
            <div>
              <Text size="sm" fw={500}>
                {s.assignees}
              </Text>
              <Group gap={4} data-testid="import-created-assignees">
                {d.assignees.map((u) => (
                  <Badge key={u.id} variant="light" tt="none" radius="sm">
                    {u.name}
                  </Badge>
                ))}
              </Group>
            </div>
            {d.reportForm && <ReportFormView form={d.reportForm} testId="import-created-form" />}
          </>
        )}
      </Stack>
    </Paper>
  );
}
