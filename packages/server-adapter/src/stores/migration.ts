/**
 * One step of a store's schema history. Steps are applied in `version` order, each once, and
 * recorded in the `flowloom_migrations` table; a released step is never edited, only followed
 * by a new one.
 */
export interface Migration {
  /** 1, 2, 3, ... with no gaps. */
  readonly version: number;
  /** What the step does, recorded beside its version. */
  readonly name: string;
  /** The statements, run as one script inside the migration's transaction. */
  readonly sql: string;
}
