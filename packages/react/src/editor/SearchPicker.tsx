import {
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';

/** One choice of a {@link SearchPicker}. */
export interface PickerItem {
  /** Unique in the list; what `onPick` is told. */
  key: string;
  /** What the option says. */
  text: string;
  /** Matched against what is typed (lower case), besides `text`. */
  search?: string;
  /** Shown before the text, e.g. the component's icon. */
  icon?: ReactNode;
  /** Extra `data-*` attributes of the option, for tests and styles. */
  data?: Record<`data-${string}`, string>;
}

/** Props of {@link SearchPicker}. */
export interface SearchPickerProps {
  /** The dialog's and the list's accessible name, e.g. "Add a step". */
  label: string;
  /** The search box's accessible name. */
  searchLabel: string;
  placeholder: string;
  items: readonly PickerItem[];
  /** What shows when nothing matches what is typed (`query` is the text typed, trimmed). */
  emptyText: (query: string) => string;
  /** Where to open it, in viewport coordinates (it is kept inside the window). */
  position: { x: number; y: number };
  /** Told the key chosen (Enter, or a click). */
  onPick: (key: string) => void;
  /** Told when it closes without a choice: Escape or a click outside. */
  onClose: () => void;
}

function matches(item: PickerItem, query: string): boolean {
  return `${item.text} ${item.search ?? ''}`.toLowerCase().includes(query);
}

/**
 * A searchable list in a small dialog: type to filter, Arrow keys to move, Enter to choose,
 * Escape to close (a combobox over a listbox, so screen readers follow the active option).
 * Focus returns where it was when it closes.
 */
export function SearchPicker({
  label,
  searchLabel,
  placeholder,
  items,
  emptyText,
  position,
  onPick,
  onClose,
}: SearchPickerProps) {
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [at, setAt] = useState(position);
  const normalized = query.trim().toLowerCase();
  const shown = useMemo(
    () => (normalized ? items.filter((item) => matches(item, normalized)) : [...items]),
    [items, normalized],
  );
  const current = Math.min(active, Math.max(shown.length - 1, 0));

  useLayoutEffect(() => {
    const box = rootRef.current?.getBoundingClientRect();
    if (!box) return;
    setAt({
      x: Math.max(0, Math.min(position.x, window.innerWidth - box.width - 4)),
      y: Math.max(0, Math.min(position.y, window.innerHeight - box.height - 4)),
    });
  }, [position]);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    inputRef.current?.focus();
    return () => {
      const now = document.activeElement;
      if (previous?.isConnected && (now === null || now === document.body)) previous.focus();
    };
  }, []);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [onClose]);

  useEffect(() => {
    rootRef.current
      ?.querySelector(`[data-index="${current}"]`)
      ?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setActive((current + 1) % Math.max(shown.length, 1));
    else if (event.key === 'ArrowUp')
      setActive((current - 1 + shown.length) % Math.max(shown.length, 1));
    else if (event.key === 'Enter') {
      const chosen = shown[current];
      if (chosen) onPick(chosen.key);
    } else if (event.key === 'Escape') onClose();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const optionId = (index: number) => `${id}-option-${index}`;
  return (
    <div
      ref={rootRef}
      className="flowloom-picker"
      role="dialog"
      aria-label={label}
      style={{ left: at.x, top: at.y }}
    >
      <input
        ref={inputRef}
        className="flowloom-input"
        type="search"
        role="combobox"
        aria-label={searchLabel}
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-activedescendant={shown.length > 0 ? optionId(current) : undefined}
        aria-autocomplete="list"
        placeholder={placeholder}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div id={`${id}-list`} className="flowloom-picker__list" role="listbox" aria-label={label}>
        {shown.map((item, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's input handles the keys (aria-activedescendant).
          <div
            key={item.key}
            id={optionId(index)}
            role="option"
            tabIndex={-1}
            aria-selected={index === current}
            data-index={index}
            {...item.data}
            className="flowloom-picker__option"
            onClick={() => onPick(item.key)}
            onPointerMove={() => setActive(index)}
          >
            {item.icon}
            <span className="flowloom-palette__name">{item.text}</span>
          </div>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="flowloom-picker__empty">{emptyText(query.trim())}</p>
      ) : null}
    </div>
  );
}
