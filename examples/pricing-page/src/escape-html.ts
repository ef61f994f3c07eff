const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML content and quoted attribute values. Plan names and features come from
 * the API, and the page must not execute whatever a compromised or buggy response contains.
 *
 * @param text Untrusted text.
 *
 * @returns The text with `& < > " '` replaced by entities.
 *
 * @example
 * ```ts
 * escapeHtml('<b>Pro</b>'); // '&lt;b&gt;Pro&lt;/b&gt;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}
