import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CompletionScope } from './expressions/completionScope';
import type { ExpressionEditorHandle } from './expressions/createExpressionEditor';
import {
  type ExpressionEditorModule,
  loadExpressionEditor,
  loadedExpressionEditor,
} from './expressions/loadExpressionEditor';

/** Props of {@link ExpressionInput}. */
export interface ExpressionInputProps {
  id: string;
  /** The id of the field's label, which names the rich editor. */
  labelId: string;
  value: string;
  /** A textarea's several lines, or one line. */
  multiline: boolean;
  required: boolean;
  invalid: boolean;
  describedBy?: string;
  placeholder?: string;
  spellCheck?: boolean;
  /** What completion offers, read when it opens. */
  getScope: () => CompletionScope;
  /** Told the text after each change. */
  onChange: (text: string) => void;
}

/**
 * A text parameter that becomes a CodeMirror editor with expression completion: a plain input
 * (or textarea) until a parameter field first gets focus, which loads CodeMirror with a dynamic
 * `import()`; the field then turns into the editor in place, keeping its text, caret and focus.
 * Once loaded, fields mount the editor at once. If loading fails the plain field stays.
 */
export function ExpressionInput(props: ExpressionInputProps) {
  const { id, labelId, value, multiline, required, invalid, describedBy, placeholder } = props;
  const [module, setModule] = useState<ExpressionEditorModule | undefined>(loadedExpressionEditor);
  const plainRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<ExpressionEditorHandle | undefined>(undefined);
  const handoff = useRef<{ focus: boolean; anchor: number; head: number } | undefined>(undefined);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    let live = true;
    if (module) return;
    const onFocus = () => {
      loadExpressionEditor().then(
        (loaded) => {
          const plain = plainRef.current;
          if (!live || !plain) return;
          const focused = document.activeElement === plain;
          handoff.current = {
            focus: focused,
            anchor: plain.selectionStart ?? plain.value.length,
            head: plain.selectionEnd ?? plain.value.length,
          };
          setModule(loaded);
        },
        // Offline, or a blocked chunk: the plain field still edits the value.
        () => {},
      );
    };
    const plain = plainRef.current;
    plain?.addEventListener('focus', onFocus);
    return () => {
      live = false;
      plain?.removeEventListener('focus', onFocus);
    };
  }, [module]);

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!module || !host) return;
    const { value: text, multiline: lines, placeholder: hint, spellCheck } = latest.current;
    const handle = module.createExpressionEditor({
      parent: host,
      text,
      selection: handoff.current,
      multiline: lines,
      placeholder: hint,
      attributes: {
        'aria-labelledby': labelId,
        'aria-multiline': String(lines),
        spellcheck: String(spellCheck ?? false),
        'data-field-id': id,
      },
      onChange: (next) => latest.current.onChange(next),
      getScope: () => latest.current.getScope(),
    });
    handleRef.current = handle;
    if (handoff.current?.focus) handle.focus();
    handoff.current = undefined;
    return () => {
      handle.destroy();
      handleRef.current = undefined;
    };
  }, [module, id, labelId]);

  useEffect(() => {
    handleRef.current?.setText(value);
  }, [value]);

  // ARIA that changes with validation, set on CodeMirror's editable element in the commit that
  // made it (after the effect above), so it is never there without them.
  useLayoutEffect(() => {
    const content = hostRef.current?.querySelector('.cm-content');
    if (!content) return;
    content.setAttribute('aria-invalid', String(invalid));
    content.setAttribute('aria-required', String(required));
    if (describedBy) content.setAttribute('aria-describedby', describedBy);
    else content.removeAttribute('aria-describedby');
  });

  if (module) {
    return (
      <div ref={hostRef} className="flowloom-expression" data-multiline={multiline || undefined} />
    );
  }
  const common = {
    id,
    required,
    placeholder,
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
    spellCheck: props.spellCheck,
    value,
    onChange: (event: { target: { value: string } }) => props.onChange(event.target.value),
  };
  return multiline ? (
    <textarea ref={plainRef} {...common} />
  ) : (
    <input ref={plainRef} type="text" {...common} />
  );
}
