// Small shared UI pieces used by several feature pages.
import { Alert, Badge, Button, Checkbox, Group, Loader, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useId, useState } from 'react';
import { errorMessage, ROLES, UNIT_KINDS, type Role } from '../api.ts';
import { searchUnits, type UnitSearchHit } from '../features/units/units-api.ts';
import type { Lang } from '../i18n.ts';
import { isRole, ROLE_LABELS } from '../../shared/contracts/access.ts';
import { isUnitKind, UNIT_KIND_LABELS } from '../../shared/contracts/units.ts';
import { formatDate, today } from './dates.ts';
import { useI18n } from './i18n-context.tsx';
import { useAsync, useDebounced } from './use-async.ts';
import { unitStrings } from '../features/units/strings.ts';
import { userStrings } from '../features/users/strings.ts';

/** A unit kind's official name (the shared contract's labels); an unknown kind as it is. */
export function kindLabel(lang: Lang, kind: string): string {
  return isUnitKind(kind) ? UNIT_KIND_LABELS[kind][lang] : kind;
}

/** A role's official name (the shared contract's labels); an unknown role as it is. */
export function roleLabel(lang: Lang, role: string): string {
  return isRole(role) ? ROLE_LABELS[role][lang] : role;
}

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <Group gap="xs" role="status" aria-live="polite" py="xs">
      <Loader size="xs" />
      <Text size="sm">{label ?? t('common.loading')}</Text>
    </Group>
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  return (
    <Alert color="red" role="alert" title={t('common.loadFailed')}>
      <Stack gap="xs" align="flex-start">
        <span>{errorMessage(error, lang)}</span>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function KindSelect({
  value,
  onChange,
  label,
  required,
  withEmpty,
  testId,
  kinds = UNIT_KINDS,
}: {
  value: string;
  onChange: (kind: string) => void;
  label: string;
  required?: boolean;
  withEmpty?: boolean;
  testId?: string;
  kinds?: readonly string[];
}) {
  const { t, lang } = useI18n();
  const data = kinds.map((k) => ({ value: k, label: kindLabel(lang, k) }));
  return (
    <NativeSelect
      label={label}
      required={required}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={withEmpty ? [{ value: '', label: t('common.choose') }, ...data] : data}
      data-testid={testId}
    />
  );
}

export function RolesField({ value, onChange, error }: { value: Role[]; onChange: (roles: Role[]) => void; error?: string | undefined }) {
  const { lang } = useI18n();
  const userText = userStrings(lang);
  return (
    <Checkbox.Group label={userText.roles} value={value} onChange={(v) => onChange(ROLES.filter((r) => v.includes(r)))} error={error}>
      <Stack gap={6} mt={6}>
        {ROLES.map((r) => (
          <Checkbox key={r} value={r} label={roleLabel(lang, r)} data-testid={`role-${r}`} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

export function RoleBadges({ roles }: { roles: string[] }) {
  const { lang } = useI18n();
  if (roles.length === 0) return <Text size="sm">—</Text>;
  return (
    <Group gap={4}>
      {roles.map((r) => (
        <Badge key={r} variant="light" color={r === 'system_admin' ? 'red' : 'blue'} tt="none" radius="sm">
          {roleLabel(lang, r)}
        </Badge>
      ))}
    </Group>
  );
}

/** Which lists a unit picker searches: the tree in force only, a toggle for the former list too, or both always. */
export type PickerEditions = 'current' | 'toggle' | 'all';

/**
 * Search-as-you-type unit picker backed by /api/units/search. Results are a
 * plain list of buttons (keyboard and screen-reader friendly, no popover).
 * The tree in force at `at` is searched by default; with `editions` "toggle"
 * (default) a checkbox adds the former list (2025), with "all" both always.
 * When both are searched every result carries its list as a badge, and a
 * former unit names what it is now part of.
 */
export function UnitSearchPicker({
  label,
  at,
  onPick,
  placeholder,
  excludeIds,
  testId,
  editions = 'toggle',
}: {
  label: string;
  at: string;
  onPick: (unit: UnitSearchHit) => void;
  placeholder?: string;
  excludeIds?: readonly string[];
  testId?: string;
  editions?: PickerEditions;
}) {
  const { lang } = useI18n();
  const unitText = unitStrings(lang);
  const [q, setQ] = useState('');
  const [withOld, setWithOld] = useState(false);
  const dq = useDebounced(q.trim(), 300);
  const enabled = dq.length >= 2 && q.trim().length >= 2;
  const scope = editions === 'all' || (editions === 'toggle' && withOld) ? 'all' : 'current';
  const res = useAsync(() => searchUnits(dq, at, 20, scope), [dq, at, scope], enabled);
  const listId = useId();
  const items = (res.data ?? []).filter((u) => !excludeIds?.includes(u.id));

  return (
    <Stack gap={4}>
      <TextInput
        type="search"
        label={label}
        placeholder={placeholder ?? unitText.searchPlaceholder}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        aria-controls={listId}
        data-testid={testId}
      />
      {editions === 'toggle' && (
        <Checkbox
          size="xs"
          label={unitText.includeOldEditions}
          title={unitText.includeOldEditionsHint}
          checked={withOld}
          onChange={(e) => setWithOld(e.currentTarget.checked)}
          data-testid={testId ? `${testId}-old-editions` : undefined}
        />
      )}
      <div id={listId} aria-live="polite">
        {enabled && res.loading && <Loading label={unitText.searching} />}
        {enabled && !res.loading && res.error != null && <LoadError error={res.error} onRetry={res.reload} />}
        {enabled && !res.loading && res.data && items.length === 0 && (
          <Text size="sm" py={4}>
            {unitText.noResults}
          </Text>
        )}
        {enabled && !res.loading && items.length > 0 && (
          <ul className="loa-tree" aria-label={unitText.searchResults}>
            {items.map((u) => (
              <li key={u.id} data-testid="unit-search-hit" data-in-force={u.inForce}>
                <button
                  type="button"
                  className="loa-list-button"
                  onClick={() => {
                    onPick(u);
                    setQ('');
                  }}
                >
                  <Text size="sm" fw={600} span>
                    {u.name}
                  </Text>{' '}
                  <Text size="xs" c="dimmed" span>
                    · {kindLabel(lang, u.kind)}
                  </Text>
                  {(u.editionLabel !== null || scope === 'all') && (
                    <>
                      {' '}
                      <Badge size="xs" radius="sm" tt="none" variant="light" color={u.inForce ? 'blue' : 'orange'} data-testid="unit-edition-badge">
                        {u.editionLabel ?? (at === today() ? unitText.currentEdition : unitText.editionAtDate({ date: formatDate(at, lang) }))}
                      </Badge>
                    </>
                  )}
                  <Text size="xs" c="dimmed">
                    {u.pathText}
                  </Text>
                  {u.nowPartOf.length > 0 && (
                    <Text size="xs" data-testid="unit-now-part-of">
                      {unitText.nowPartOf}: {u.nowPartOf.map((n) => n.name).join(', ')}
                    </Text>
                  )}
                  {u.formedFromMatch && (
                    <Text size="xs" data-testid="unit-formed-from">
                      {unitText.formedFrom}: {u.formedFromMatch.name}
                    </Text>
                  )}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Stack>
  );
}

/** Current picked unit + "change" button that reveals the search picker. */
export function UnitChooser({
  label,
  at,
  value,
  onChange,
  testId,
}: {
  label: string;
  at: string;
  value: { id: string; name: string } | null;
  onChange: (unit: { id: string; name: string }) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(value === null);
  if (!open && value) {
    return (
      <Stack gap={2}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Group gap="sm">
          <Text fw={600} data-testid={testId ? `${testId}-value` : undefined}>
            {value.name}
          </Text>
          <Button size="compact-sm" variant="subtle" onClick={() => setOpen(true)}>
            {t('common.change')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <UnitSearchPicker
        label={label}
        at={at}
        testId={testId}
        onPick={(u) => {
          onChange({ id: u.id, name: u.name });
          setOpen(false);
        }}
      />
      {value && (
        <Button size="compact-sm" variant="subtle" onClick={() => setOpen(false)} style={{ alignSelf: 'flex-start' }}>
          {t('common.cancel')}
        </Button>
      )}
    </Stack>
  );
}
