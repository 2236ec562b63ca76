/**
 * One CSV cell (RFC 4180). A cell a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage
 * return) gets a leading apostrophe, so an exported code such as `=HYPERLINK(...)` stays text (OWASP CSV injection).
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
