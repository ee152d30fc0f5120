// Small pieces shared by the portal pages.
import { Badge } from '@mantine/core';
import { useI18n } from '../../app/i18n-context.tsx';
import { useAsync, type AsyncState } from '../../app/use-async.ts';
import { listSections, type PostStatus, type Section } from './portal-api.ts';
import { portalStrings } from './strings.ts';

const STATUS_COLORS: Record<PostStatus, string> = {
  draft: 'gray',
  review: 'yellow',
  scheduled: 'violet',
  published: 'green',
  unpublished: 'red',
};

export function PostStatusBadge({ status }: { status: PostStatus }) {
  const { lang } = useI18n();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" tt="none" radius="sm" data-testid="post-status" data-status={status}>
      {portalStrings(lang).status[status]}
    </Badge>
  );
}

/** One section by id (the API lists them all; there are a handful). */
export function useSection(id: string | null): AsyncState<Section | null> {
  return useAsync(async () => (id ? ((await listSections()).find((x) => x.id === id) ?? null) : null), [id]);
}
