const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML and SVG, in element content and in quoted attributes alike.
 *
 * Column names and category labels come from the data, so every one of them goes through
 * here before it reaches the report.
 *
 * @example escapeHtml('<b>"a" & \'b\'</b>') // '&lt;b&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/b&gt;'
 */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => entities[c]);
