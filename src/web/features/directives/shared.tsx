// Bits shared by the outgoing and incoming document pages.
import { Badge } from '@mantine/core';
import { useMemo } from 'react';
import { listDocTypes, type DirectiveStatus, type DocTypeInfo } from './directives-api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { directiveStrings } from './strings.ts';

const STATUS_COLORS: Record<DirectiveStatus, string> = {
  draft: 'gray',
  submitted: 'yellow',
  approved: 'cyan',
  signed: 'indigo',
  issued: 'green',
  returned: 'orange',
  revoked: 'red',
};

export function StatusBadge({ status, testId }: { status: DirectiveStatus; testId?: string }) {
  const { lang } = useI18n();
  const S = directiveStrings(lang);
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" tt="none" radius="sm" data-testid={testId} data-status={status}>
      {S.statuses[status]}
    </Badge>
  );
}

let cached: Promise<DocTypeInfo[]> | null = null;

/** Document types (code → name) from the server, fetched once per page load. */
export function useDocTypes(): { types: DocTypeInfo[]; nameOf: (code: string) => string } {
  const res = useAsync(() => {
    cached ??= listDocTypes().catch((e: unknown) => {
      cached = null;
      throw e;
    });
    return cached;
  }, []);
  const types = useMemo(() => res.data ?? [], [res.data]);
  const nameOf = useMemo(() => {
    const m = new Map(types.map((x) => [x.code, x.name]));
    return (code: string) => m.get(code) ?? code;
  }, [types]);
  return { types, nameOf };
}

/** The years a filter offers: this year back to ten years ago. */
export function recentYears(now = new Date()): number[] {
  const y = now.getFullYear();
  return Array.from({ length: 11 }, (_, i) => y - i);
}
