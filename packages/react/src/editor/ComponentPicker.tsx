import type { WorkflowComponentMetadata } from '@flowloom/core';
import { useMemo } from 'react';
import { enCanvas } from '../i18n/enCanvas';
import { useMessages } from '../i18n/useMessages';
import { ComponentIcon } from './ComponentIcon';
import { type PickerItem, SearchPicker } from './SearchPicker';
import { swatchStyleOf } from './swatchStyleOf';

/** Props of {@link ComponentPicker}. */
export interface ComponentPickerProps {
  /** The dialog's accessible name, e.g. "Add a step". */
  label: string;
  /** The components to offer. */
  components: readonly WorkflowComponentMetadata[];
  /** Where to open it, in viewport coordinates (it is kept inside the window). */
  position: { x: number; y: number };
  /** Told the type chosen (Enter, or a click). */
  onPick: (componentType: string) => void;
  /** Told when it closes without a choice: Escape or a click outside. */
  onClose: () => void;
}

/**
 * A searchable list of components in a small dialog (by name, description or type): type to
 * filter, Arrow keys to move, Enter to choose, Escape to close.
 */
export function ComponentPicker({
  label,
  components,
  position,
  onPick,
  onClose,
}: ComponentPickerProps) {
  const text = useMessages('picker', enCanvas.picker);
  const items = useMemo<PickerItem[]>(
    () =>
      components.map((component) => ({
        key: component.type,
        text: component.name,
        search: `${component.description} ${component.type}`,
        data: { 'data-component-type': component.type },
        icon: (
          <span
            className="flowloom-palette__swatch"
            style={swatchStyleOf(component.color)}
            aria-hidden="true"
          >
            <ComponentIcon icon={component.icon} name={component.name} />
          </span>
        ),
      })),
    [components],
  );
  return (
    <SearchPicker
      label={label}
      searchLabel={text.search}
      placeholder={text.placeholder}
      items={items}
      emptyText={text.none}
      position={position}
      onPick={onPick}
      onClose={onClose}
    />
  );
}
