import { ErrorCode } from '../errors/errorCodes';
import {
  findJsonDepthProblem,
  findJsonWriteProblem,
  measureJsonBytes,
} from '../limits/measureJson';
import type { WorkflowLimits } from '../limits/workflowLimits';
import { isReservedId } from '../schema/isReservedId';

/** Data a step made, checked: its size as JSON, or why it is refused. */
export type CheckedStepData =
  | { ok: true; bytes: number }
  | { ok: false; failure: { code: string; message: string } };

/**
 * Checks what a step produced (its output and variables, or its resolved parameters) against
 * the depth and size limits, before any of it is journaled: one step can't grow a run past
 * memory, and nothing too deep reaches a store's `JSON.stringify`.
 */
export function checkStepData(
  data: unknown,
  variables: Record<string, unknown> | undefined,
  limits: WorkflowLimits,
  what: 'output' | 'parameters' = 'output',
): CheckedStepData {
  const label = what === 'output' ? "The step's output" : "The step's parameters";
  // Most outputs are one flat object: one level deep, measured in one pass.
  const flat = flatJsonBytes(data);
  if (flat !== undefined && variables === undefined) {
    return flat <= limits.maxStepOutputBytes
      ? { ok: true, bytes: flat }
      : refuse(
          ErrorCode.OUTPUT_TOO_LARGE,
          `${label} are larger than ${limits.maxStepOutputBytes} bytes as JSON`,
        );
  }
  const tooDeep = findJsonDepthProblem(data, limits.maxJsonDepth);
  if (tooDeep) {
    // A value that contains itself is endlessly deep too: say what it is.
    const unwritable = unwritableFailure(label, data, what);
    if (unwritable) return unwritable;
    return refuse(
      ErrorCode.OUTPUT_TOO_DEEP,
      `${label} nest deeper than ${limits.maxJsonDepth} levels (at ${tooDeep.path || 'the top'})`,
    );
  }
  const bytes = measureJsonBytes(data, limits.maxStepOutputBytes);
  if (bytes === undefined) {
    const unwritable = unwritableFailure(label, data, what);
    if (unwritable) return unwritable;
    return refuse(
      ErrorCode.OUTPUT_TOO_LARGE,
      `${label} are larger than ${limits.maxStepOutputBytes} bytes as JSON`,
    );
  }
  if (variables === undefined) return { ok: true, bytes };
  for (const name of Object.keys(variables)) {
    if (isReservedId(name)) {
      return refuse(ErrorCode.INVALID_RESULT, `Variable name "${name}" is reserved`);
    }
  }
  if (findJsonDepthProblem(variables, limits.maxJsonDepth)) {
    return refuse(
      ErrorCode.OUTPUT_TOO_DEEP,
      `The step's variables nest deeper than ${limits.maxJsonDepth} levels`,
    );
  }
  const variableBytes = measureJsonBytes(variables, limits.maxStepOutputBytes - bytes);
  if (variableBytes === undefined) {
    const unwritable = unwritableFailure("The step's variables", variables, what);
    if (unwritable) return unwritable;
    return refuse(
      ErrorCode.OUTPUT_TOO_LARGE,
      `The step's output and variables are larger than ${limits.maxStepOutputBytes} bytes as JSON`,
    );
  }
  return { ok: true, bytes: bytes + variableBytes };
}

/**
 * Data `JSON.stringify` would throw on (a BigInt, a value containing itself) is the component's
 * mistake, not a size: said as such, where it is. Only looked for once measuring failed.
 */
function unwritableFailure(
  label: string,
  data: unknown,
  what: 'output' | 'parameters',
): CheckedStepData | undefined {
  const problem = findJsonWriteProblem(data);
  if (!problem) return undefined;
  const found = problem.reason === 'bigint' ? 'a BigInt' : 'a value that contains itself';
  return refuse(
    what === 'output' ? ErrorCode.INVALID_RESULT : ErrorCode.INVALID_PARAMETERS,
    `${label} can't be written as JSON: ${found} at ${problem.path || 'the top'}`,
  );
}

function refuse(code: string, message: string): CheckedStepData {
  return { ok: false, failure: { code, message } };
}

/** Strings JSON writes as they are, one byte per character: printable ASCII but `"` and `\`. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * The bytes of `JSON.stringify(value)` for a flat plain object (its members strings of plain
 * ASCII, numbers, booleans or null), in one pass with no allocation; `undefined` for anything
 * else, which `measureJsonBytes` then measures. The two agree (a property test holds them to).
 */
export function flatJsonBytes(value: unknown): number | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const prototype = Object.getPrototypeOf(value);
  if ((prototype !== Object.prototype && prototype !== null) || 'toJSON' in value) {
    return undefined;
  }
  let bytes = 2;
  let members = 0;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) return undefined;
    const member = record[key];
    let memberBytes: number;
    switch (typeof member) {
      case 'string':
        if (!PLAIN_ASCII.test(member)) return undefined;
        memberBytes = member.length + 2;
        break;
      case 'number':
        memberBytes = Number.isFinite(member) ? String(member).length : 4;
        break;
      case 'boolean':
        memberBytes = member ? 4 : 5;
        break;
      case 'undefined':
      case 'function':
      case 'symbol':
        continue;
      default:
        if (member !== null) return undefined;
        memberBytes = 4;
    }
    if (!PLAIN_ASCII.test(key)) return undefined;
    bytes += key.length + 3 + memberBytes + (members > 0 ? 1 : 0);
    members += 1;
  }
  return bytes;
}
