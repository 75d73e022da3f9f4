import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';

/** Where an expression reads from: a step's output, the run's input, or a run variable. */
export type ExpressionRoot = 'steps' | 'input' | 'vars';

/** A parsed `{{ root.a.b[0] }}` reference. */
export interface ExpressionPath {
  root: ExpressionRoot;
  /** Keys after the root; for `steps` the first is the step id. */
  segments: ReadonlyArray<string | number>;
  /** The expression as written, trimmed, for error messages. */
  source: string;
}

const ROOTS: ReadonlySet<string> = new Set(['steps', 'input', 'vars']);
const IDENTIFIER = /^[A-Za-z0-9_$-]+/;
const INDEX = /^\[\s*(\d+)\s*\]/;
const QUOTED = /^\[\s*(["'])((?:\\.|(?!\1).)*)\1\s*\]/;

/**
 * Parses the inside of `{{ ... }}`: a root (`steps`, `input`, `vars`) then `.key`, `[0]` or
 * `["any key"]` accessors. Nothing is evaluated: there is no `eval` and no operator.
 *
 * @throws FlowloomError `EXPRESSION_ERROR` saying what is wrong.
 */
export function parseExpressionPath(text: string): ExpressionPath {
  const source = text.trim();
  const rootMatch = IDENTIFIER.exec(source);
  const root = rootMatch?.[0];
  if (!root || !ROOTS.has(root)) {
    throw expressionError(source, 'must start with steps., input. or vars.');
  }
  const segments: Array<string | number> = [];
  let rest = source.slice(root.length);
  while (rest.length > 0) {
    if (rest.startsWith('.')) {
      const key = IDENTIFIER.exec(rest.slice(1))?.[0];
      if (!key) throw expressionError(source, `expected a name after "." at "${rest}"`);
      segments.push(key);
      rest = rest.slice(1 + key.length);
      continue;
    }
    const index = INDEX.exec(rest);
    if (index) {
      segments.push(Number(index[1]));
      rest = rest.slice(index[0].length);
      continue;
    }
    const quoted = QUOTED.exec(rest);
    if (quoted) {
      segments.push(quoted[2]!.replace(/\\(.)/g, '$1'));
      rest = rest.slice(quoted[0].length);
      continue;
    }
    throw expressionError(source, `unexpected "${rest}"`);
  }
  if (root === 'steps' && segments.length === 0) {
    throw expressionError(source, 'name a step: steps.<step_id>');
  }
  if (root === 'vars' && segments.length === 0) {
    throw expressionError(source, 'name a variable: vars.<name>');
  }
  return { root: root as ExpressionRoot, segments, source };
}

/** An `EXPRESSION_ERROR` about one expression. */
export function expressionError(source: string, problem: string): FlowloomError {
  return new FlowloomError(ErrorCode.EXPRESSION_ERROR, `Expression "{{ ${source} }}" ${problem}`);
}
