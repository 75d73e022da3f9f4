import type { ReactNode } from 'react';

/** Props of {@link ListTable}. */
export interface ListTableProps {
  /** The table's class name. */
  className: string;
  /** The caption, for screen readers only. */
  caption: string;
  /** The headings of the columns before the actions column. */
  columns: readonly string[];
  /** The actions column's heading, for screen readers only (its buttons speak for it). */
  actions: string;
  /** The rows. */
  children: ReactNode;
}

/**
 * The table of a list (the workflow list, a workflow's run history): a caption and headings for
 * screen readers, the rows, and a last column of actions whose heading only they read.
 */
export function ListTable({ className, caption, columns, actions, children }: ListTableProps) {
  return (
    <table className={className}>
      <caption className="flowloom-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered; two headings may read alike.
            <th key={index} scope="col">
              {column}
            </th>
          ))}
          <th scope="col">
            <span className="flowloom-visually-hidden">{actions}</span>
          </th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
