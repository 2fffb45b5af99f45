import type { ComponentChildren } from 'preact';

/** A column of a {@link ListTable}: its heading, and whether it holds numbers (right-aligned). */
export interface ListColumn {
  label: ComponentChildren;
  numeric?: boolean;
}

/**
 * A table of rows (orders, books, cart lines). `stack` lays each row out as a card on a phone (every
 * cell carries its `data-label`), and the wrapper scrolls sideways where even that is too wide.
 */
export function ListTable({
  columns,
  caption,
  children,
}: {
  columns: readonly ListColumn[];
  /** A note above the table about all of it, read with the table by screen readers. */
  caption?: ComponentChildren;
  /** The rows. */
  children: ComponentChildren;
}) {
  return (
    <div class="table-wrap">
      <table class="stack">
        {caption !== undefined && <caption class="muted small">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" class={column.numeric ? 'num' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
