// What the case page's panels share: their props and the label/value field (kept apart so the panels and the page
// import it without importing each other).
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { RumorCaseDetail } from './rumors-api.ts';

export interface CaseProps {
  c: RumorCaseDetail;
  onChanged: (c: RumorCaseDetail) => void;
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div style={{ fontSize: 'var(--mantine-font-size-sm)', overflowWrap: 'anywhere' }}>{children}</div>
    </div>
  );
}
