/**
 * Small HTML builders for the report page. Every text that comes from the report goes through
 * {@link escapeHtml}.
 */

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An HTML table; cells are escaped; columns after the first are right-aligned when numeric. */
export function htmlTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (value: string | number, column: number) => {
    const numeric = column > 0 && (typeof value === 'number' || /^-?[\d,.]+%?$/.test(value));
    return `<td${numeric ? ' class="num"' : ''}>${escapeHtml(value)}</td>`;
  };
  const head = `<thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</tbody>`;
  return `<table>${head}${body}</table>`;
}

/** A `<section>` with an anchor id and a heading. */
export function section(id: string, title: string, ...body: readonly string[]): string {
  return `<section id="${escapeHtml(id)}"><h2>${escapeHtml(title)}</h2>${body.join('')}</section>`;
}

/** A paragraph of escaped text. */
export function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}
