// Accessible, lazily expanded unit tree. Flat ARIA tree: each visible node is
// one role="treeitem" row (aria-level/posinset/setsize), named by its visible
// text (unit, kind, number of children: WCAG 2.5.3 label in name). Keyboard:
// Tab into the tree, arrows to move/expand/collapse, Enter/Space to open the unit.
import { Text } from '@mantine/core';
import { useRef, type KeyboardEvent } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
import { kindLabel, LoadError, Loading } from '../../app/ui.tsx';
import { visibleRows, type TreeRow, type UnitTreeApi } from './use-unit-tree.ts';
import { unitStrings } from './strings.ts';

const INDENT = 18;

export function UnitTree({ tree, selectedId, onSelect }: { tree: UnitTreeApi; selectedId: string | null; onSelect: (id: string) => void }) {
  const { lang } = useI18n();
  const unitText = unitStrings(lang);
  const { state } = tree;
  const listRef = useRef<HTMLUListElement>(null);

  if (state.roots.status === 'loading') return <Loading />;
  if (state.roots.status === 'error') return <LoadError error={state.roots.error} onRetry={tree.reloadRoots} />;
  if (state.roots.ids.length === 0) return <Text size="sm">{unitText.noUnitsAtDate}</Text>;

  const rows = visibleRows(state);
  const unitRows = rows.filter((r): r is TreeRow => r.kind === 'unit');
  // Roving tabindex: the selected row (or the first one) is the tab stop.
  const tabStopId = unitRows.some((r) => r.unit.id === selectedId) ? selectedId : (unitRows[0]?.unit.id ?? null);

  const focusRow = (id: string | null | undefined) => {
    if (!id) return;
    const el = listRef.current?.querySelector<HTMLButtonElement>(`button[data-node-label="${CSS.escape(id)}"]`);
    el?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, row: TreeRow, index: number) => {
    const { unit } = row;
    const expanded = state.expanded.has(unit.id);
    const hasChildren = unit.childCount > 0;
    switch (e.key) {
      case 'ArrowDown':
        focusRow(unitRows[index + 1]?.unit.id);
        break;
      case 'ArrowUp':
        focusRow(unitRows[index - 1]?.unit.id);
        break;
      case 'Home':
        focusRow(unitRows[0]?.unit.id);
        break;
      case 'End':
        focusRow(unitRows[unitRows.length - 1]?.unit.id);
        break;
      case 'ArrowRight':
        if (hasChildren && !expanded) tree.expand(unit.id);
        else if (expanded) focusRow(unitRows[index + 1]?.parentId === unit.id ? unitRows[index + 1]?.unit.id : null);
        break;
      case 'ArrowLeft':
        if (expanded) tree.collapse(unit.id);
        else focusRow(row.parentId);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <ul className="loa-tree" role="tree" aria-label={unitText.treeLabel} ref={listRef} data-testid="unit-tree">
      {rows.map((row) => {
        if (row.kind === 'status') {
          const pad = { paddingLeft: (row.level - 1) * INDENT + 34 };
          return (
            <li key={`status-${row.parentId}`} role="none" style={pad}>
              {row.state.status === 'loading' && <Loading />}
              {row.state.status === 'error' && <LoadError error={row.state.error} onRetry={() => tree.refreshChildren(row.parentId)} />}
              {row.state.status === 'loaded' && (
                <Text size="sm" py={4}>
                  {unitText.noChildren}
                </Text>
              )}
            </li>
          );
        }
        const { unit, level } = row;
        const index = unitRows.indexOf(row);
        const hasChildren = unit.childCount > 0;
        const expanded = state.expanded.has(unit.id);
        const selected = unit.id === selectedId;
        return (
          <li
            key={unit.id}
            role="treeitem"
            aria-level={level}
            aria-posinset={row.posinset}
            aria-setsize={row.setsize}
            aria-expanded={hasChildren ? expanded : undefined}
            aria-selected={selected}
            className="loa-tree-row"
            style={{ paddingLeft: (level - 1) * INDENT }}
            data-testid="unit-tree-node"
            data-unit-id={unit.id}
            onClick={(e) => {
              // Clicks on the row (outside the toggle) open the unit and expand it.
              if ((e.target as HTMLElement).closest('.loa-tree-toggle')) return;
              onSelect(unit.id);
              if (hasChildren && !expanded) tree.expand(unit.id);
            }}
          >
            <button
              type="button"
              className="loa-tree-toggle"
              tabIndex={-1}
              disabled={!hasChildren}
              // For the mouse: keyboard and screen-reader users expand with the arrows (aria-expanded).
              aria-hidden
              title={hasChildren ? unitText[expanded ? 'collapse' : 'expand']({ name: unit.name }) : undefined}
              onClick={() => tree.toggle(unit.id)}
            >
              {hasChildren ? (expanded ? '▾' : '▸') : '·'}
            </button>
            <button type="button" className="loa-tree-label" tabIndex={unit.id === tabStopId ? 0 : -1} data-node-label={unit.id} onKeyDown={(e) => onKeyDown(e, row, index)}>
              <span style={{ fontWeight: selected ? 700 : 500 }}>{unit.name}</span>{' '}
              <span className="loa-tree-kind">
                {kindLabel(lang, unit.kind)}
                {hasChildren ? ` · ${unit.childCount}` : ''}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
