/**
 * A name as a quoted PostgreSQL identifier (`"flowloom"`, inner quotes doubled). Identifiers
 * cannot be query parameters; this is the one place a name enters SQL text.
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
