// A row of colour swatches under a map (the colours carry no meaning without it).
import { Group, Text } from '@mantine/core';

export function MapLegend({ title, items }: { title: string; items: readonly { color: string; label: string }[] }) {
  return (
    <Group gap="md" mt="xs" aria-label={title} role="group">
      {items.map((i) => (
        <Group key={i.label} gap={6} wrap="nowrap">
          <span aria-hidden style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 7, background: i.color, border: '1.5px solid #212529' }} />
          <Text size="sm">{i.label}</Text>
        </Group>
      ))}
    </Group>
  );
}
