import { Suspense, useCallback, useRef, useState } from 'react';
import { enCore } from '../i18n/enCore';
import { useMessages } from '../i18n/useMessages';
import { lazyCanvasPart } from './lazyCanvasPart';

const ContextMenu = lazyCanvasPart('ContextMenu');

/** Props of {@link ExecuteButton}. */
export interface ExecuteButtonProps {
  /**
   * Both parts ignore clicks while a command is under way (`aria-disabled`: they keep focus).
   */
  disabled: boolean;
  /** Whether the run under way was started here (`aria-busy`). */
  busy: boolean;
  onExecute: () => void;
  /** Opens the "Execute with input…" dialog. */
  onExecuteWithInput: () => void;
}

/**
 * Execute as a split button: the main part runs the workflow, the arrow opens a menu with
 * "Execute with input…".
 */
export function ExecuteButton({
  disabled,
  busy,
  onExecute,
  onExecuteWithInput,
}: ExecuteButtonProps) {
  const text = useMessages('toolbar', enCore.toolbar);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | undefined>(undefined);
  const close = useCallback(() => setMenuAt(undefined), []);
  const open = () => {
    const box = toggleRef.current?.getBoundingClientRect();
    setMenuAt(box ? { x: box.right - 200, y: box.bottom + 4 } : { x: 0, y: 0 });
  };
  return (
    <span className="flowloom-split-button">
      <button
        type="button"
        className="flowloom-button flowloom-button--primary"
        aria-disabled={disabled || undefined}
        aria-busy={busy}
        title={text.executeHint}
        onClick={() => {
          if (!disabled) onExecute();
        }}
      >
        {text.execute}
      </button>
      <button
        ref={toggleRef}
        type="button"
        className="flowloom-button flowloom-button--primary flowloom-split-button__toggle"
        aria-disabled={disabled || undefined}
        aria-label={text.moreExecute}
        aria-haspopup="menu"
        aria-expanded={menuAt !== undefined}
        onClick={() => {
          if (menuAt) setMenuAt(undefined);
          else if (!disabled) open();
        }}
      >
        <span aria-hidden="true">▾</span>
      </button>
      {menuAt ? (
        <Suspense fallback={null}>
          <ContextMenu
            label={text.executeMenu}
            position={menuAt}
            items={[
              { id: 'with-input', label: text.executeWithInput, onSelect: onExecuteWithInput },
            ]}
            onClose={close}
            anchor={toggleRef}
          />
        </Suspense>
      ) : null}
    </span>
  );
}
