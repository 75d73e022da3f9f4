import { type KeyboardEvent, useRef } from 'react';

/** One tab of {@link PanelTabs}. */
export interface PanelTab<T extends string> {
  id: T;
  label: string;
}

/** Props of {@link PanelTabs}. */
export interface PanelTabsProps<T extends string> {
  tabs: ReadonlyArray<PanelTab<T>>;
  selected: T;
  onSelect: (id: T) => void;
  /** Prefix of the tab and tab panel ids (`<prefix>-tab-<id>`, `<prefix>-panel-<id>`). */
  idPrefix: string;
  /** The tab list's accessible name. */
  'aria-label': string;
}

/** The id of a tab panel, for `aria-controls` and the panel's own id. */
export function tabPanelId(idPrefix: string, id: string): string {
  return `${idPrefix}-panel-${id}`;
}

/** The id of a tab, for its panel's `aria-labelledby`. */
export function tabId(idPrefix: string, id: string): string {
  return `${idPrefix}-tab-${id}`;
}

/**
 * A row of tabs (WAI-ARIA tabs pattern): the selected tab is the one in the tab order, the arrow
 * keys, Home and End move between tabs and select them.
 */
export function PanelTabs<T extends string>({
  tabs,
  selected,
  onSelect,
  idPrefix,
  'aria-label': ariaLabel,
}: PanelTabsProps<T>) {
  const listRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    if (next < 0) return;
    event.preventDefault();
    onSelect(tabs[next]!.id);
    listRef.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div
      ref={listRef}
      role="tablist"
      aria-label={ariaLabel}
      className="flowloom-tabs"
      onKeyDown={onKeyDown}
    >
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={tabId(idPrefix, tab.id)}
          aria-selected={tab.id === selected}
          aria-controls={tabPanelId(idPrefix, tab.id)}
          tabIndex={tab.id === selected ? 0 : -1}
          className="flowloom-tabs__tab"
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
