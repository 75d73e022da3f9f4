import {
  type KeyboardEvent,
  type RefObject,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';

/** One entry of a {@link ContextMenu}. */
export interface MenuItem {
  /** Unique within the menu. */
  id: string;
  label: string;
  /** A shortcut shown beside the label, e.g. "Ctrl+D". */
  shortcut?: string;
  disabled?: boolean;
  onSelect: () => void;
}

/** Props of {@link ContextMenu}. */
export interface ContextMenuProps {
  /** The menu's accessible name, e.g. "Node actions". */
  label: string;
  items: readonly MenuItem[];
  /** Where to open it, in viewport coordinates (it is kept inside the window). */
  position: { x: number; y: number };
  /** Told when the menu closes: Escape, Tab, a click outside, or after an item ran. */
  onClose: () => void;
  /** The button that opened it: a click on it is not "outside" (it toggles the menu itself). */
  anchor?: RefObject<HTMLElement | null>;
}

/**
 * A context menu (WAI-ARIA menu): opens with its first item focused, Arrow keys, Home and End
 * move, Enter or Space runs an item, Escape or Tab closes it and focus returns where it was.
 */
export function ContextMenu({ label, items, position, onClose, anchor }: ContextMenuProps) {
  const menuRef = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState(position);

  useLayoutEffect(() => {
    const menu = menuRef.current;
    if (!menu) return;
    const box = menu.getBoundingClientRect();
    setAt({
      x: Math.max(0, Math.min(position.x, window.innerWidth - box.width - 4)),
      y: Math.max(0, Math.min(position.y, window.innerHeight - box.height - 4)),
    });
  }, [position]);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    menuRef.current
      ?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')
      ?.focus();
    return () => {
      // Back to where the user was, unless they moved on (clicked into something else).
      const now = document.activeElement;
      if (previous?.isConnected && (now === null || now === document.body)) previous.focus();
    };
  }, []);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (menuRef.current?.contains(target) || anchor?.current?.contains(target)) return;
      onClose();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [onClose, anchor]);

  const focusable = () => [
    ...(menuRef.current?.querySelectorAll<HTMLElement>(
      '[role="menuitem"]:not([aria-disabled="true"])',
    ) ?? []),
  ];
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = focusable();
    const current = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => list[(to + list.length) % list.length]?.focus();
    if (event.key === 'ArrowDown') move(current + 1);
    else if (event.key === 'ArrowUp') move(current - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') onClose();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  const run = (item: MenuItem) => {
    if (item.disabled) return;
    onClose();
    item.onSelect();
  };

  return (
    <div
      ref={menuRef}
      className="flowloom-menu"
      role="menu"
      aria-label={label}
      tabIndex={-1}
      style={{ left: at.x, top: at.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="menuitem"
          className="flowloom-menu__item"
          tabIndex={-1}
          aria-disabled={item.disabled || undefined}
          data-item={item.id}
          onClick={() => run(item)}
        >
          <span>{item.label}</span>
          {item.shortcut ? <kbd className="flowloom-menu__shortcut">{item.shortcut}</kbd> : null}
        </button>
      ))}
    </div>
  );
}
