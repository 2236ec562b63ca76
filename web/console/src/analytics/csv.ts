/** One CSV cell (RFC 4180); a cell a spreadsheet would take for a formula gets a leading apostrophe. */
const cell = (value: string | number | null): string => {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** A table's rows as a CSV file, header first. */
export const toCsv = (header: string[], rows: (string | number | null)[][]): string => [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

/** Hands the browser a CSV file to save. */
export function downloadCsv(name: string, header: string[], rows: (string | number | null)[][]) {
  const url = URL.createObjectURL(new Blob(['\uFEFF', toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
