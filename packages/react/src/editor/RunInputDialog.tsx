import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { enCanvas } from '../i18n/enCanvas';
import { enCore } from '../i18n/enCore';
import { useMessages } from '../i18n/useMessages';
import { parseRunInput } from './parseRunInput';
import { readRunInput, rememberRunInput } from './runInputStorage';

/** Props of {@link RunInputDialog}. */
export interface RunInputDialogProps {
  /** The workflow whose last input is offered and remembered. */
  workflowId: string | undefined;
  /** Offered when nothing was remembered yet: e.g. the trigger's pinned test input. */
  initialInput?: Record<string, unknown>;
  /** Runs with the input (already remembered). */
  onExecute: (input: Record<string, unknown>) => void;
  onClose: () => void;
}

/**
 * The "Execute with input…" dialog: a JSON editor for the run's input, checked as it is typed
 * (a JSON object), remembered per workflow in the browser's `localStorage`. Escape or Cancel
 * closes it; Ctrl/Cmd+Enter runs.
 */
export function RunInputDialog({
  workflowId,
  initialInput,
  onExecute,
  onClose,
}: RunInputDialogProps) {
  const id = useId();
  const text = useMessages('runInput', enCanvas.runInput);
  const commonWords = useMessages('common', enCore.common);
  const dialogRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [input, setInput] = useState(
    () => readRunInput(workflowId) ?? JSON.stringify(initialInput ?? {}, null, 2),
  );
  const parsed = parseRunInput(input, text);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    textRef.current?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  const run = () => {
    if (!parsed.ok) return;
    rememberRunInput(workflowId, input);
    onClose();
    onExecute(parsed.input);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    } else if (event.key === 'Tab') {
      // Keep focus inside the dialog while it is open.
      const focusable = [
        ...(dialogRef.current?.querySelectorAll<HTMLElement>('textarea, button:not(:disabled)') ??
          []),
      ];
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  };

  return (
    <div className="flowloom-dialog-backdrop">
      <div
        ref={dialogRef}
        className="flowloom-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`} className="flowloom-dialog__title">
          {text.title}
        </h2>
        <label className="flowloom-field__label" htmlFor={`${id}-input`}>
          {text.label}
        </label>
        <textarea
          ref={textRef}
          id={`${id}-input`}
          className="flowloom-input flowloom-dialog__json"
          spellCheck={false}
          rows={10}
          value={input}
          aria-invalid={!parsed.ok}
          aria-describedby={`${id}-help${parsed.ok ? '' : ` ${id}-problem`}`}
          onChange={(event) => setInput(event.target.value)}
        />
        <p id={`${id}-help`} className="flowloom-field__help">
          {text.help}
        </p>
        {parsed.ok ? null : (
          <p id={`${id}-problem`} className="flowloom-field__error" role="alert">
            {parsed.problem}
          </p>
        )}
        <div className="flowloom-dialog__actions">
          <button type="button" className="flowloom-button" onClick={onClose}>
            {commonWords.cancel}
          </button>
          <button
            type="button"
            className="flowloom-button flowloom-button--primary"
            disabled={!parsed.ok}
            onClick={run}
          >
            {text.execute}
          </button>
        </div>
      </div>
    </div>
  );
}
