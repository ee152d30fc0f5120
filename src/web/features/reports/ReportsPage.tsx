// "Báo cáo định kỳ": the report tasks of the user's unit (issued by it, or assigned to it and its
// subordinate units), and one task's roll-up dashboard and progress matrix.
import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { formatDate } from '../../app/dates.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { hasRole, useSession } from '../../app/session.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { Link } from '../../router.tsx';
import { describeRule } from './format.ts';
import { listTasks, submissionPageUrl } from './reports-api.ts';
import { reportStrings } from './strings.ts';
import { TaskDetailView } from './TaskDetail.tsx';

export function ReportsPage({ taskId }: { taskId: string | null }) {
  return taskId ? <TaskDetailView key={taskId} taskId={taskId} /> : <TaskList />;
}

function TaskList() {
  const { lang } = useI18n();
  const S = reportStrings(lang);
  const { me } = useSession();
  const res = useAsync(() => listTasks(200), []);
  const canSubmit = hasRole(me, 'reporter', 'clerk', 'unit_admin');

  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {S.title}
      </Title>
      <Text size="sm" c="dimmed">
        {S.listIntro(me.unitName)}
      </Text>
      <Paper withBorder p="sm">
        {res.loading && !res.data && <Loading />}
        {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {res.data && res.data.length === 0 && <Text size="sm">{S.empty}</Text>}
        {res.data && res.data.length > 0 && (
          <div className="loa-table-wrap">
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="task-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{S.colTask}</Table.Th>
                  <Table.Th>{S.colSchedule}</Table.Th>
                  <Table.Th>{S.colRole}</Table.Th>
                  <Table.Th>{S.colCreated}</Table.Th>
                  <Table.Th>{S.colActions}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {res.data.map((task) => {
                  const issued = task.issuerUnitId === me.unitId;
                  return (
                    <Table.Tr key={task.id} data-testid="task-row" data-task-id={task.id}>
                      <Table.Td>
                        <Link to={`/reports/${encodeURIComponent(task.id)}`} data-testid="task-open">
                          {task.title}
                        </Link>
                        {task.sourceRef && (
                          <Text size="xs" c="dimmed">
                            {task.sourceRef}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{describeRule(task.dueRule, S, lang)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={issued ? 'blue' : 'grape'} tt="none" radius="sm">
                          {issued ? S.issuedByUs : S.assignedToUs}
                        </Badge>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm">{formatDate(task.createdAt, lang)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap="sm" wrap="nowrap">
                          <Link to={`/reports/${encodeURIComponent(task.id)}`}>{S.open}</Link>
                          {!issued && canSubmit && (
                            <Anchor href={submissionPageUrl(task.id, me.unitId)} data-testid="task-submit-link" size="sm">
                              {S.submitLink}
                            </Anchor>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Paper>
    </Stack>
  );
}
