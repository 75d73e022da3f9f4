import type { WorkflowComponentMetadata } from '@flowloom/core';
import { memo, useId, useMemo, useState } from 'react';
import { enCore } from '../i18n/enCore';
import { useMessages } from '../i18n/useMessages';
import { PaletteEntry } from './PaletteEntry';
import { paletteGroups } from './paletteGroups';

/** Props of {@link Palette}. */
export interface PaletteProps {
  /** The components to offer. */
  components: readonly WorkflowComponentMetadata[];
  /** Adds a component to the workflow (click, Enter or Space on an entry). */
  onAdd: (componentType: string) => void;
  /** Told when an entry starts being dragged, so a drop without `dataTransfer` still works. */
  onDragStart?: (componentType: string) => void;
  /** Shown under the search box, e.g. "Loading components…" or a load error. */
  notice?: string;
}

const noop = () => {};

function matches(component: WorkflowComponentMetadata, query: string): boolean {
  return (
    component.name.toLowerCase().includes(query) ||
    component.description.toLowerCase().includes(query) ||
    component.type.toLowerCase().includes(query)
  );
}

/**
 * The component palette: components grouped by category under headings, with a search box
 * that filters by name and description. Entries can be dragged onto the canvas (HTML5 drag and
 * drop) or added by click or keyboard.
 */
export const Palette = memo(function Palette({
  components,
  onAdd,
  onDragStart = noop,
  notice,
}: PaletteProps) {
  const text = useMessages('palette', enCore.palette);
  const [query, setQuery] = useState('');
  const searchId = useId();
  const normalized = query.trim().toLowerCase();
  const groups = useMemo(
    () =>
      paletteGroups(
        normalized ? components.filter((component) => matches(component, normalized)) : components,
        text.categories,
      ),
    [components, normalized, text],
  );
  return (
    <aside className="flowloom-palette" aria-label={text.region}>
      <label className="flowloom-visually-hidden" htmlFor={searchId}>
        {text.search}
      </label>
      <input
        id={searchId}
        className="flowloom-input flowloom-palette__search"
        type="search"
        placeholder={text.placeholder}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {notice ? <p className="flowloom-palette__notice">{notice}</p> : null}
      {groups.length === 0 && normalized ? (
        <p className="flowloom-palette__empty">{text.none(query.trim())}</p>
      ) : null}
      {groups.map((group) => (
        <section key={group.category} className="flowloom-palette__group">
          <h2 className="flowloom-palette__heading">{group.label}</h2>
          <ul className="flowloom-palette__list">
            {group.components.map((component) => (
              <li key={component.type}>
                <PaletteEntry component={component} onAdd={onAdd} onDragStart={onDragStart} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
});
