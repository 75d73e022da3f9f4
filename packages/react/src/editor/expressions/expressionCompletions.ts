import { enCanvas } from '../../i18n/enCanvas';
import type { CompletionScope, ExpressionCompletions, ExpressionOption } from './completionScope';
import { keysOf, schemaKeysAt, valueAt } from './outputPaths';

/** What is typed of a path: dotted names only (brackets end completion). */
const PATH_TEXT = /^[A-Za-z0-9_$.-]*$/;

/**
 * The completions for the text before the cursor, inside an open `{{`: first `steps.<id>` of
 * the steps before the node, `input.` and `vars.`; after `steps.<id>.`, the keys of that step's
 * last output and its component's `output_schema`; after `input.` and `vars.`, the keys of the
 * last run's input and variables. Undefined outside `{{ ... }}` or where nothing fits.
 */
export function expressionCompletions(
  before: string,
  scope: CompletionScope,
): ExpressionCompletions | undefined {
  const open = before.lastIndexOf('{{');
  if (open < 0 || before.indexOf('}}', open) >= 0) return undefined;
  let start = open + 2;
  while (start < before.length && /\s/.test(before[start]!)) start += 1;
  const typed = before.slice(start);
  if (!PATH_TEXT.test(typed)) return undefined;
  const parts = typed.split('.');
  const partial = parts[parts.length - 1]!;
  const from = before.length - partial.length;

  if (parts.length === 1) {
    const options: ExpressionOption[] = [
      ...scope.steps.map((step) => ({
        label: `steps.${step.id}`,
        detail: step.name,
        kind: 'step' as const,
      })),
      {
        label: 'input.',
        detail: scope.rootDetails?.input ?? enCanvas.parameters.inputDetail,
        kind: 'root',
      },
      {
        label: 'vars.',
        detail: scope.rootDetails?.vars ?? enCanvas.parameters.varsDetail,
        kind: 'root',
      },
    ];
    return { from, options };
  }
  const [root, ...rest] = parts;
  if (root === 'steps') {
    if (rest.length === 1) {
      return {
        from,
        options: scope.steps.map((step) => ({ label: step.id, detail: step.name, kind: 'step' })),
      };
    }
    const [stepId, ...path] = rest;
    if (!scope.steps.some((step) => step.id === stepId)) return undefined;
    const within = path.slice(0, -1);
    return {
      from,
      options: merge(
        keysOf(valueAt(scope.outputs[stepId!], within)),
        schemaKeysAt(scope.schemas[stepId!], within),
      ),
    };
  }
  if (root === 'input' || root === 'vars') {
    const within = rest.slice(0, -1);
    return {
      from,
      options: merge(keysOf(valueAt(root === 'input' ? scope.input : scope.vars, within)), []),
    };
  }
  return undefined;
}

/** Keys from the last run, then those only the schema declares. */
function merge(
  sampled: ReadonlyArray<{ key: string; detail: string }>,
  declared: ReadonlyArray<{ key: string; detail: string }>,
): ExpressionOption[] {
  const seen = new Set<string>();
  const options: ExpressionOption[] = [];
  for (const { key, detail } of [...sampled, ...declared]) {
    if (seen.has(key)) continue;
    seen.add(key);
    options.push({ label: key, ...(detail ? { detail } : {}), kind: 'property' });
  }
  return options;
}
