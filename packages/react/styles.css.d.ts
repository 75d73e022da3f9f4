// Types of `import '@flowloom/react/styles.css'`: a side-effect import of the editor's styles,
// with nothing to import by name. It lets TypeScript (7, or `noUncheckedSideEffectImports`)
// resolve the import without a bundler's client types.
export {};
