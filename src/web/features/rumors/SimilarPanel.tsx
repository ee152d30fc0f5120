// Cases that look like this one (same link, same file, similar text, with the score) and merging them into it.
import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
import { useNotify } from '../../app/notify.tsx';
import { LoadError, Loading } from '../../app/ui.tsx';
import { useAsync } from '../../app/use-async.ts';
import { Link } from '../../router.tsx';
import { StatusBadge, VerdictBadge } from './badges.tsx';
import type { CaseProps } from './case-parts.tsx';
import { clusterStrings } from './cluster-strings.ts';
import { mergeCases, similarCases } from './clustering-api.ts';
import { getCase } from './rumors-api.ts';

export function SimilarPanel({ c, onChanged }: CaseProps) {
  const { lang } = useI18n();
  const C = clusterStrings(lang);
  const { notify, notifyError } = useNotify();
  const res = useAsync(() => similarCases(c.id), [c.id, c.reportCount]);
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const items = res.data;

  async function merge(ids: string[]) {
    setBusy(true);
    try {
      const out = await mergeCases(c.id, ids);
      notify('success', C.merged(out.movedReports, out.mergedCodes.join(', ')));
      setPicked([]);
      onChanged(await getCase(c.id));
      res.reload();
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {C.similarTitle}
        </Title>
        {res.loading && !items && <Loading />}
        {res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {items && items.length === 0 && <Text size="sm">{C.noSimilar}</Text>}
        {items && items.length > 0 && (
          <Stack gap="xs" data-testid="rumor-similar">
            {items.map((s) => (
              <Group key={s.case.id} gap="xs" align="flex-start" wrap="nowrap" data-testid="rumor-similar-case">
                {s.canMerge && (
                  <Checkbox
                    mt={2}
                    aria-label={C.selectCase(s.case.code)}
                    checked={picked.includes(s.case.id)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setPicked((p) => (on ? [...p, s.case.id] : p.filter((x) => x !== s.case.id)));
                    }}
                  />
                )}
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap="xs" wrap="wrap">
                    <Link to={`/rumors/${encodeURIComponent(s.case.id)}`}>{s.case.title}</Link>
                    <StatusBadge status={s.case.status} />
                    {s.case.verdict && <VerdictBadge verdict={s.case.verdict} />}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {s.case.code} · {C.reports(s.case.reportCount)}
                  </Text>
                  <Group gap={4} wrap="wrap">
                    {s.reasons.map((r, i) => (
                      <Badge key={i} size="sm" variant="light" color={r.kind === 'text' ? 'gray' : 'blue'} tt="none" radius="sm" styles={{ root: { maxWidth: '100%' } }}>
                        {C.matches[r.kind]}
                        {r.kind === 'text' ? ` · ${C.score(Math.round(r.score * 100))}` : r.url ? ` · ${r.url}` : ''}
                      </Badge>
                    ))}
                  </Group>
                </Stack>
              </Group>
            ))}
            {picked.length > 0 && (
              <Group>
                <Button variant="light" loading={busy} onClick={() => void merge(picked)} data-testid="rumor-merge">
                  {C.mergeSelected(picked.length)}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
