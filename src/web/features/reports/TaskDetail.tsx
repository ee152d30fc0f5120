// One report task: what is asked and when, the reporter's link to the mobile submission page,
// and two views: the roll-up dashboard ("Tổng hợp") and the matrix of units × periods.
import { Alert, Anchor, Badge, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
import { hasRole, useSession } from '../../app/session.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { Link } from '../../router.tsx';
import { describeRule, periodText } from './format.ts';
import { MatrixView } from './MatrixView.tsx';
import { PlayLogPrefill } from './PlayLogPrefill.tsx';
import { getTask, submissionPageUrl } from './reports-api.ts';
import { RollupDashboard } from './RollupDashboard.tsx';
import { reportStrings } from './strings.ts';

type Tab = 'rollup' | 'matrix';

export function TaskDetailView({ taskId }: { taskId: string }) {
  const { lang } = useI18n();
  const S = reportStrings(lang);
  const { me } = useSession();
  const res = useAsync(() => getTask(taskId), [taskId]);
  const [tab, setTab] = useState<Tab>('rollup');

  if (res.loading && !res.data) return <Loading />;
  if (res.error != null) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!res.data) return null;
  const { task, reportForm, assignees, currentPeriod } = res.data;
  const mine = assignees.find((u) => u.id === me.unitId);
  const canSubmit = Boolean(mine && reportForm && hasRole(me, 'reporter', 'clerk', 'unit_admin'));

  return (
    <Stack gap="md">
      <Link to="/reports">{S.back}</Link>
      <Group gap="sm" align="center" wrap="wrap">
        <Title order={1} size="h3" data-testid="task-title">
          {task.title}
        </Title>
        {task.section && (
          <Badge variant="light" tt="none" radius="sm">
            {S.section(task.section)}
          </Badge>
        )}
      </Group>
      <Paper withBorder p="sm">
        <Stack gap={6}>
          {task.sourceRef && (
            <Text size="sm">
              <b>{S.source}:</b> {task.sourceRef}
            </Text>
          )}
          <Text size="sm">
            <b>{S.schedule}:</b> {describeRule(task.dueRule, S, lang)}
          </Text>
          <Text size="sm" data-testid="task-current-period">
            <b>{S.currentPeriod}:</b> {currentPeriod ? periodText(currentPeriod, S, lang) : S.noCurrentPeriod}
          </Text>
          <Text size="sm">
            <b>{S.form}:</b> {reportForm ? `${reportForm.name} — ${reportForm.indicators.map((i) => i.label).join('; ')}` : S.noForm} · {S.assigneesCount(assignees.length)}
          </Text>
          {task.description && <Text size="sm">{task.description}</Text>}
        </Stack>
      </Paper>
      {canSubmit && mine && (
        <Alert color="blue" variant="light">
          <Stack gap={4}>
            <Anchor href={submissionPageUrl(task.id, mine.id)} fw={700} data-testid="submit-link">
              {S.submitLink}
            </Anchor>
            <Text size="sm">{S.submitHint(mine.name)}</Text>
            {currentPeriod && reportForm && <PlayLogPrefill taskId={task.id} unitId={mine.id} period={currentPeriod.key} indicators={reportForm.indicators} />}
          </Stack>
        </Alert>
      )}
      <SegmentedControl
        value={tab}
        onChange={(v) => setTab(v === 'matrix' ? 'matrix' : 'rollup')}
        data={[
          { value: 'rollup', label: S.tabRollup },
          { value: 'matrix', label: S.tabMatrix },
        ]}
        style={{ alignSelf: 'flex-start' }}
        data-testid="task-tabs"
      />
      {tab === 'rollup' ? reportForm ? <RollupDashboard taskId={task.id} /> : <Text size="sm">{S.noForm}</Text> : <MatrixView taskId={task.id} />}
    </Stack>
  );
}
