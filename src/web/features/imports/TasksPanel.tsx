// The tasks an import creates: assignees (with today's suggested successors), deadline and report form.
import { Alert, Badge, Button, Checkbox, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { Proposal, SuggestedAssignee } from './imports-api.ts';
import { correctedAssignees, dueRuleText, initialTaskEdit, withSuggested, type Overrides, type TaskEdit } from './model.ts';
import { useStrings } from './page-state.ts';

export function TasksPanel({
  proposal,
  overrides,
  edits,
  onEdits,
  canAssign,
}: {
  proposal: Proposal;
  overrides: Overrides;
  edits: TaskEdit[];
  onEdits: (e: TaskEdit[]) => void;
  canAssign: boolean;
}) {
  const s = useStrings();
  return (
    <Paper withBorder p="sm" data-testid="import-tasks">
      <Title order={3} size="h5" mb="xs">
        {s.tasksTitle}
      </Title>
      {!canAssign && proposal.tasks.length > 0 && (
        <Alert color="yellow" mb="xs" data-testid="import-cannot-assign">
          {s.cannotAssign}
        </Alert>
      )}
      {proposal.tasks.length === 0 && <Text size="sm">{s.noTasks}</Text>}
      <Stack gap="sm">
        {proposal.tasks.map((task, i) => {
          const edit = edits[i] ?? initialTaskEdit(task);
          const a = correctedAssignees(task, proposal, overrides, edit.added);
          const set = (patch: Partial<TaskEdit>) => onEdits(edits.map((e, j) => (j === i ? { ...e, ...patch } : e)));
          const flagged = task.flagged && !a.changed;
          return (
            <Paper key={i} p="xs" className="loa-import-item" data-flagged={flagged ? 'true' : 'false'} data-testid="import-task" data-section={task.section ?? ''}>
              <Stack gap={6}>
                <Group justify="space-between" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {task.section ? s.section(task.section) : s.reportForm}
                  </Text>
                  {flagged && (
                    <Badge color="orange" variant="filled" tt="none" radius="sm">
                      ⚠ {s.check}
                    </Badge>
                  )}
                </Group>
                {canAssign && (
                  <Checkbox label={s.createTask} checked={edit.include} onChange={(e) => set({ include: e.currentTarget.checked })} data-testid="import-task-include" />
                )}
                <TextInput
                  label={s.taskTitle}
                  value={edit.title}
                  onChange={(e) => set({ title: e.currentTarget.value })}
                  disabled={!edit.include || !canAssign}
                  data-testid="import-task-title"
                />
                <div>
                  <Text size="sm" fw={500}>
                    {s.assignees}
                  </Text>
                  {a.names.length ? (
                    <Group gap={4} data-testid="import-task-assignees">
                      {a.names.map((n) => (
                        <Badge key={n} variant="light" tt="none" radius="sm">
                          {n}
                        </Badge>
                      ))}
                    </Group>
                  ) : (
                    <Text size="sm" c="orange.9" data-testid="import-task-assignees">
                      {s.noAssignees}
                    </Text>
                  )}
                </div>
                {(task.suggestedAssignees ?? []).length > 0 && (
                  <SuggestedAssignees units={task.suggestedAssignees ?? []} edit={edit} disabled={!edit.include || !canAssign} onChange={set} />
                )}
                <div>
                  <Text size="sm" fw={500}>
                    {s.due}
                  </Text>
                  <Text size="sm" data-testid="import-task-due">
                    {dueRuleText(task.dueRule, s)}
                  </Text>
                  {task.dueRuleProposed && (
                    <Text size="xs" c="orange.9">
                      {s.dueProposed}
                    </Text>
                  )}
                </div>
                {task.reportForm && <ReportFormView form={task.reportForm} testId="import-task-form" />}
              </Stack>
            </Paper>
          );
        })}
      </Stack>
    </Paper>
  );
}

/** Today's successors of the old units a task names: the officer assigns each with one click. */
export function SuggestedAssignees({ units, edit, disabled, onChange }: { units: SuggestedAssignee[]; edit: TaskEdit; disabled: boolean; onChange: (e: TaskEdit) => void }) {
  const s = useStrings();
  return (
    <div data-testid="import-task-suggested">
      <Text size="sm" fw={500}>
        {s.suggestedTitle}
      </Text>
      <Stack gap={4}>
        {units.map((u) => {
          const assigned = edit.added.some((x) => x.id === u.id);
          return (
            <Paper key={u.id} p={6} withBorder data-testid="import-suggested" data-unit-id={u.id} data-assigned={assigned ? 'true' : 'false'}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>
                  {u.name}
                </Text>
                {assigned ? (
                  <>
                    <Badge color="blue" variant="outline" tt="none" radius="sm">
                      {s.suggestedAssigned}
                    </Badge>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      disabled={disabled}
                      onClick={() => onChange(withSuggested(edit, u, false))}
                      aria-label={s.unassignSuggestedAria(u.name)}
                      data-testid="import-suggested-undo"
                    >
                      {s.undo}
                    </Button>
                  </>
                ) : (
                  <Button
                    size="compact-xs"
                    variant="light"
                    disabled={disabled}
                    onClick={() => onChange(withSuggested(edit, u, true))}
                    aria-label={s.assignSuggestedAria(u.name)}
                    data-testid="import-suggested-assign"
                  >
                    {s.assignSuggested}
                  </Button>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {u.note}
              </Text>
            </Paper>
          );
        })}
      </Stack>
    </div>
  );
}

export function ReportFormView({ form, testId }: { form: { name: string; indicators: { key: string; label: string; required?: boolean }[] }; testId: string }) {
  const s = useStrings();
  return (
    <div data-testid={testId}>
      <Text size="sm" fw={500}>
        {s.reportForm}: {form.name}
      </Text>
      <Text size="xs" c="dimmed">
        {s.indicators}:
      </Text>
      <List size="sm" withPadding>
        {form.indicators.map((i) => (
          <List.Item key={i.key} data-testid="indicator" data-key={i.key}>
            {i.label}
            {i.required ? ` (${s.required})` : ''}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

// ---------------------------------------------------------------------------
// Result
