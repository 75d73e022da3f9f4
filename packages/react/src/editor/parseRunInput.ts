import { enCanvas } from '../i18n/enCanvas';
import type { Messages } from '../i18n/Messages';

/** What {@link parseRunInput} finds in a run-input text. */
export type ParsedRunInput =
  | { ok: true; input: Record<string, unknown> }
  | { ok: false; problem: string };

/**
 * Reads a run's input from JSON text: an object; empty text is `{}`. A problem is worded in
 * `words` (a catalogue's `runInput` section; English by default).
 */
export function parseRunInput(
  text: string,
  words: Pick<Messages['runInput'], 'notJson' | 'notObject'> = enCanvas.runInput,
): ParsedRunInput {
  if (text.trim() === '') return { ok: true, input: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problem: words.notJson(error instanceof Error ? error.message : String(error)),
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problem: words.notObject };
  }
  return { ok: true, input: value as Record<string, unknown> };
}
