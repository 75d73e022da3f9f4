/** A key written after a dot: what the expression grammar reads as a name. */
const NAME = /^[A-Za-z0-9_$-]+$/;

/**
 * The expression that reads a value: `{{ steps.fetch.body.items[0] }}` for the step `fetch` and
 * the path `['body', 'items', 0]`. Keys that are not plain names are quoted (`["a b"]`), so
 * core's `parseExpressionPath` reads back exactly this path.
 */
export function expressionPathOf(
  root: 'steps' | 'input' | 'vars',
  segments: ReadonlyArray<string | number>,
): string {
  let text = root;
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (NAME.test(segment)) text += `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return `{{ ${text} }}`;
}
