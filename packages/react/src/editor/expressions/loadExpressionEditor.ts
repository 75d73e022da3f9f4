import type * as expressionEditor from './createExpressionEditor';

/** The lazily loaded expression editor module. */
export type ExpressionEditorModule = typeof expressionEditor;

let loading: Promise<ExpressionEditorModule> | undefined;
let loaded: ExpressionEditorModule | undefined;

/**
 * Loads the CodeMirror expression editor on first use (a dynamic `import()`, so hosts' bundlers
 * put it and CodeMirror in a chunk of their own); later calls share the one load. A failed load
 * can be tried again.
 */
export function loadExpressionEditor(): Promise<ExpressionEditorModule> {
  loading ??= import(
    /* webpackChunkName: "flowloom-expression-editor" */ './createExpressionEditor'
  ).then(
    (module) => {
      loaded = module;
      return module;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The expression editor module when it has loaded already, so a field can mount it at once. */
export function loadedExpressionEditor(): ExpressionEditorModule | undefined {
  return loaded;
}
