// Prints rows as an aligned text table (and returns it, for the Markdown docs).

/** rows: array of objects; columns: [key, title] pairs. */
export function printTable(title, columns, rows, log = console.log) {
  const cells = rows.map((row) => columns.map(([key]) => format(row[key])));
  const widths = columns.map(([, head], i) => Math.max(head.length, ...cells.map((r) => r[i].length)));
  const line = (values) => values.map((v, i) => v.padStart(widths[i])).join('  ');
  const text = [title, line(columns.map(([, head]) => head)), line(widths.map((w) => '-'.repeat(w)))]
    .concat(cells.map(line))
    .join('\n');
  log(`\n${text}`);
  return text;
}

/** The same rows as a Markdown table. */
export function markdownTable(columns, rows) {
  const head = `| ${columns.map(([, t]) => t).join(' | ')} |`;
  const rule = `| ${columns.map(() => '---').join(' | ')} |`;
  return [head, rule, ...rows.map((row) => `| ${columns.map(([k]) => format(row[k])).join(' | ')} |`)].join(
    '\n',
  );
}

function format(value) {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  if (typeof value === 'boolean') return value ? 'yes' : 'NO';
  return String(value);
}
