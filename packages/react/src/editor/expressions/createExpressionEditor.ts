import {
  autocompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
  pickedCompletion,
  startCompletion,
} from '@codemirror/autocomplete';
import { EditorSelection, EditorState } from '@codemirror/state';
import { EditorView, placeholder } from '@codemirror/view';
import type { CompletionScope, ExpressionOption } from './completionScope';
import { expressionCompletions } from './expressionCompletions';

// This module is the lazily loaded part of parameter editing: it is reached only through a
// dynamic `import()` (see loadExpressionEditor), so CodeMirror stays out of the initial bundle.

/** Options of {@link createExpressionEditor}. */
export interface ExpressionEditorOptions {
  /** Where the editor goes. */
  parent: HTMLElement;
  /** The text to start with. */
  text: string;
  /** The selection to start with (e.g. the caret of the plain field it replaces). */
  selection?: { anchor: number; head: number };
  /** A textarea's several lines; otherwise one line (a newline typed or pasted is refused). */
  multiline: boolean;
  /** ARIA and other attributes of the editable element (its name, description, invalid...). */
  attributes: Record<string, string>;
  placeholder?: string;
  /** Told the whole text after each change. */
  onChange: (text: string) => void;
  /** Read on each completion: what the node's expressions can reach. */
  getScope: () => CompletionScope;
}

/** A mounted expression editor. */
export interface ExpressionEditorHandle {
  /** Replaces the text (e.g. after an undo in the store); keeps the caret where it fits. */
  setText(text: string): void;
  focus(): void;
  destroy(): void;
}

/**
 * Mounts a CodeMirror 6 editor for one parameter: typing `{{` opens completion of the steps
 * before the node, then their output paths, `input.` and `vars.` (see `expressionCompletions`).
 */
export function createExpressionEditor(options: ExpressionEditorOptions): ExpressionEditorHandle {
  let silent = false;
  const complete = (context: CompletionContext): CompletionResult | null => {
    const found = expressionCompletions(context.state.sliceDoc(0, context.pos), options.getScope());
    if (!found || found.options.length === 0) return null;
    return {
      from: found.from,
      options: found.options.map(toCompletion),
      validFor: /^[\w$-]*$/,
    };
  };
  const extensions = [
    autocompletion({ override: [complete], icons: false, activateOnTyping: true }),
    EditorView.contentAttributes.of(options.attributes),
    EditorView.updateListener.of((update) => {
      if (update.docChanged && !silent) options.onChange(update.state.doc.toString());
    }),
    options.placeholder ? placeholder(options.placeholder) : [],
    options.multiline
      ? EditorView.lineWrapping
      : EditorState.transactionFilter.of((tr) => (tr.newDoc.lines > 1 ? [] : tr)),
  ];
  const length = options.text.length;
  const clamp = (at: number) => Math.max(0, Math.min(at, length));
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.text,
      selection: options.selection
        ? EditorSelection.single(clamp(options.selection.anchor), clamp(options.selection.head))
        : undefined,
      extensions,
    }),
  });
  return {
    setText(text) {
      if (view.state.doc.toString() === text) return;
      silent = true;
      try {
        const head = Math.min(view.state.selection.main.head, text.length);
        view.dispatch({
          changes: { from: 0, to: view.state.doc.length, insert: text },
          selection: { anchor: head },
        });
      } finally {
        silent = false;
      }
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}

function toCompletion(option: ExpressionOption): Completion {
  const insert = option.kind === 'step' ? `${option.label}.` : option.label;
  return {
    label: option.label,
    ...(option.detail ? { detail: option.detail } : {}),
    type: option.kind === 'property' ? 'property' : 'variable',
    apply: (view, completion, from, to) => {
      view.dispatch({
        changes: { from, to, insert },
        selection: { anchor: from + insert.length },
        annotations: pickedCompletion.of(completion),
      });
      // A step or a root goes on with its keys: show them straight away.
      if (option.kind !== 'property') queueMicrotask(() => startCompletion(view));
    },
  };
}
