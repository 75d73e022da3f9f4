/** What expression completion offers for one node's parameters. */
export interface CompletionScope {
  /** The steps before the node (the only ones it can read), nearest first. */
  steps: ReadonlyArray<{ id: string; name: string }>;
  /** The last run's output of each of those steps that completed. */
  outputs: Readonly<Record<string, unknown>>;
  /** The `output_schema` of each of those steps' components, when they declare one. */
  schemas: Readonly<Record<string, unknown>>;
  /** The run's input: the last run's, else the trigger's pinned test input. */
  input: unknown;
  /** The last run's variables. */
  vars: Readonly<Record<string, unknown>>;
  /** What `input.` and `vars.` are called beside their completions. @default English */
  rootDetails?: { input: string; vars: string };
}

/** One completion offered inside `{{ ... }}`. */
export interface ExpressionOption {
  /** What is inserted (and matched against what was typed). */
  label: string;
  /** Shown beside it: a step's name, a value's type. */
  detail?: string;
  /**
   * `step` inserts the label and a `.`, `root` (`input.`, `vars.`) the label; both open the
   * next completions. `property` inserts the key.
   */
  kind: 'step' | 'root' | 'property';
}

/** Where the completions replace the text typed, and what they are. */
export interface ExpressionCompletions {
  /** Offset in the text where the typed word starts. */
  from: number;
  options: ExpressionOption[];
}
