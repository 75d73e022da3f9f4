import { type CodeRunRequest, ErrorCode, measureJsonBytes } from '@flowloom/core';

type Globals = CodeRunRequest['globals'];
type Failure = { code: string; message: string };

/**
 * Refuses `globals` larger than `maxBytes` as JSON (`INPUT_TOO_LARGE`, naming the largest part)
 * or not JSON at all (`CODE_ERROR`); `undefined` when they fit. Nothing is serialized: a run can
 * be checked when it arrives and wait in the queue holding only references.
 */
export function checkGlobals(globals: Globals, maxBytes: number): Failure | undefined {
  try {
    if (measureJsonBytes(globals, maxBytes) !== undefined) return undefined;
    // Over the limit or not JSON: only this failure path walks the whole value, to tell which.
    const largest = largestPart(globals);
    return largest ? tooLarge(largest, maxBytes) : notJson('it contains a cycle or a BigInt');
  } catch (error) {
    // A getter or toJSON of a host's object threw.
    return notJson(error instanceof Error ? error.message : String(error));
  }
}

/**
 * `globals` as JSON text, for the worker that runs them; a failure when they cannot be
 * serialized or grew past `maxBytes` since {@link checkGlobals} passed them.
 */
export function serializeGlobals(
  globals: Globals,
  maxBytes: number,
): { json: string } | { failure: Failure } {
  try {
    const json = JSON.stringify(globals);
    if (Buffer.byteLength(json, 'utf8') <= maxBytes) return { json };
    const largest = largestPart(globals);
    return { failure: largest ? tooLarge(largest, maxBytes) : notJson('it changed while queued') };
  } catch (error) {
    return { failure: notJson(error instanceof Error ? error.message : String(error)) };
  }
}

function notJson(reason: string): Failure {
  return {
    code: ErrorCode.CODE_ERROR,
    message: `The data handed to the code is not JSON: ${reason}`,
  };
}

interface Part {
  name: string;
  bytes: number;
}

function tooLarge(largest: Part, maxBytes: number): Failure {
  return {
    code: ErrorCode.INPUT_TOO_LARGE,
    message:
      `The data handed to the code (input, steps and vars) is larger than the ` +
      `${formatBytes(maxBytes)} of JSON the code sandbox accepts; the largest part is ` +
      `${largest.name} (${formatBytes(largest.bytes)}). \`steps\` holds the output of every ` +
      'earlier step of the run: make those outputs smaller, or ask the host to raise the ' +
      "sandbox's maxInputBytes.",
  };
}

/**
 * The largest of `input`, `vars` and each `steps.<id>`, to point the user at it; `undefined`
 * when one of them is not JSON.
 */
function largestPart(globals: Globals): Part | undefined {
  const parts: Array<[string, unknown]> = [
    ['input', globals.input],
    ['vars', globals.vars],
  ];
  const { steps } = globals;
  if (steps !== null && typeof steps === 'object' && !Array.isArray(steps)) {
    for (const [id, output] of Object.entries(steps)) parts.push([`steps.${id}`, output]);
  } else {
    parts.push(['steps', steps]);
  }
  let largest: Part = { name: 'input', bytes: 0 };
  for (const [name, value] of parts) {
    const bytes = measureJsonBytes(value, Number.MAX_SAFE_INTEGER);
    if (bytes === undefined) return undefined;
    if (bytes > largest.bytes) largest = { name, bytes };
  }
  return largest;
}

/** `1536` → `1.5 KiB`; whole bytes below 1 KiB. */
function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [unit, size] = bytes < 1024 * 1024 ? ['KiB', 1024] : ['MiB', 1024 * 1024];
  return `${Math.round((bytes / size) * 10) / 10} ${unit}`;
}
