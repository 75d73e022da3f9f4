import { useMemo, useState } from 'react';
import { enRuns } from '../i18n/enRuns';
import type { Messages } from '../i18n/Messages';
import { useMessages } from '../i18n/useMessages';
import { copyText } from './copyText';
import { expressionPathOf } from './expressionPathOf';
import { type JsonTreeRow, jsonTreeRows, pathOfRow } from './jsonTreeRows';
import { VirtualList } from './VirtualList';

/** Props of {@link JsonTree}. */
export interface JsonTreeProps {
  value: unknown;
  /** The tree's accessible name, e.g. "Output of Fetch order". */
  'aria-label': string;
  /**
   * When given, a click on a line copies the expression that reads its value:
   * `{{ steps.<expressionStepId>.<path> }}`.
   */
  expressionStepId?: string;
  /** Lines shown before the tree scrolls. @default 12 */
  maxVisibleRows?: number;
}

/** Height of one line in px. */
export const JSON_ROW_HEIGHT = 22;

function nameOf(row: JsonTreeRow, text: Messages['json']): string {
  return row.key === undefined ? text.root : String(row.key);
}

/**
 * A JSON value as a collapsible tree, its lines virtualised so a large output stays fast. With
 * `expressionStepId`, a click on a line copies the `{{ steps.<id>.<path> }}` that reads it.
 */
export function JsonTree({
  value,
  'aria-label': ariaLabel,
  expressionStepId,
  maxVisibleRows = 12,
}: JsonTreeProps) {
  const words = useMessages('json', enRuns.json);
  // Collections opened or closed by hand, by identity; the version makes React render again.
  const [toggled] = useState(() => new WeakSet<object>());
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<string | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` counts the toggles.
  const rows = useMemo(
    () => jsonTreeRows(value, toggled, 1, words),
    [value, toggled, version, words],
  );

  const toggle = (row: JsonTreeRow) => {
    const collection = row.value as object;
    if (toggled.has(collection)) toggled.delete(collection);
    else toggled.add(collection);
    setVersion((current) => current + 1);
  };
  const copy = async (expression: string) => {
    setMessage((await copyText(expression)) ? words.copied(expression) : words.copyFailed);
  };

  return (
    <div className="flowloom-json">
      <VirtualList
        className="flowloom-json__lines"
        aria-label={ariaLabel}
        items={rows}
        rowHeight={JSON_ROW_HEIGHT}
        height={Math.min(rows.length, maxVisibleRows) * JSON_ROW_HEIGHT + 2}
        overscan={12}
        renderRow={(row) => {
          const name = nameOf(row, words);
          const text = (
            <>
              {row.key !== undefined && <span className="flowloom-json__key">{name}: </span>}
              <span className={`flowloom-json__value flowloom-json__value--${row.kind}`}>
                {row.preview}
              </span>
            </>
          );
          const expression =
            expressionStepId === undefined
              ? undefined
              : expressionPathOf('steps', [expressionStepId, ...pathOfRow(row)]);
          return (
            <div
              className="flowloom-json__row"
              style={{ paddingLeft: `calc(${row.depth} * var(--flowloom-json-indent))` }}
            >
              {row.expandable ? (
                // The chevron is drawn by CSS (`data-expanded`), so the line's text is its value.
                <button
                  type="button"
                  className="flowloom-json__toggle"
                  data-expanded={row.expanded}
                  aria-expanded={row.expanded}
                  aria-label={row.expanded ? words.collapse(name) : words.expand(name)}
                  onClick={() => toggle(row)}
                />
              ) : (
                <span className="flowloom-json__toggle" aria-hidden="true" />
              )}
              {expression === undefined ? (
                <span className="flowloom-json__entry">{text}</span>
              ) : (
                <button
                  type="button"
                  className="flowloom-json__entry flowloom-json__entry--copy"
                  title={words.copy(expression)}
                  aria-label={words.copy(expression)}
                  onClick={() => void copy(expression)}
                >
                  {text}
                </button>
              )}
            </div>
          );
        }}
      />
      {message !== undefined && (
        <p className="flowloom-json__message" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
