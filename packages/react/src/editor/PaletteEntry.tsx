import type { WorkflowComponentMetadata } from '@flowloom/core';
import { type DragEvent, type KeyboardEvent, memo } from 'react';
import { ComponentIcon } from './ComponentIcon';
import { COMPONENT_DRAG_TYPE } from './componentDragType';
import { swatchStyleOf } from './swatchStyleOf';

/** Props of {@link PaletteEntry}. */
export interface PaletteEntryProps {
  component: WorkflowComponentMetadata;
  /** Adds the component (click, Enter or Space). */
  onAdd: (componentType: string) => void;
  /** Told when a drag of the component begins. */
  onDragStart: (componentType: string) => void;
}

/** One component in the palette: draggable onto the canvas, or added by click or keyboard. */
export const PaletteEntry = memo(function PaletteEntry({
  component,
  onAdd,
  onDragStart,
}: PaletteEntryProps) {
  const handleDragStart = (event: DragEvent<HTMLDivElement>) => {
    // Synthetic drag events (e.g. Testing Library's) carry no dataTransfer; the editor also
    // remembers the type through onDragStart, so the drop still knows what to add.
    if (event.dataTransfer) {
      event.dataTransfer.setData(COMPONENT_DRAG_TYPE, component.type);
      event.dataTransfer.effectAllowed = 'copy';
    }
    onDragStart(component.type);
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onAdd(component.type);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: Firefox starts no HTML5 drag from a <button>, so the entry is a focusable div with the button role and its keys.
    <div
      className="flowloom-palette__entry"
      role="button"
      tabIndex={0}
      draggable
      title={component.description || component.name}
      aria-description={component.description || undefined}
      data-component-type={component.type}
      onDragStart={handleDragStart}
      onClick={() => onAdd(component.type)}
      onKeyDown={handleKeyDown}
    >
      <span
        className="flowloom-palette__swatch"
        style={swatchStyleOf(component.color)}
        aria-hidden="true"
      >
        <ComponentIcon icon={component.icon} name={component.name} />
      </span>
      <span className="flowloom-palette__text">
        <span className="flowloom-palette__name">{component.name}</span>
        {component.description ? (
          <span className="flowloom-palette__description">{component.description}</span>
        ) : null}
      </span>
    </div>
  );
});
