/** The contract's slug rule; the server applies the same one. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks a slug before any request, so a bad one fails with advice instead of a 400.
 *
 * @throws `TypeError` explaining the rule and, when one exists, a slug derived from the value.
 */
export function requireSlug(name: string, value: unknown): string {
  if (typeof value === 'string' && value.length >= 2 && value.length <= 64 && SLUG.test(value)) return value;
  const suggestion = typeof value === 'string' ? suggestSlug(value) : undefined;
  throw new TypeError(
    `${name} must be 2 to 64 lower-case letters and digits with single hyphens between them, such as "acme-corp"` +
      (suggestion ? `; try "${suggestion}"` : ''),
  );
}

/** A valid slug derived from free text (`'Acme Corp!'` → `'acme-corp'`), or `undefined` when none is. */
function suggestSlug(text: string): string | undefined {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 64)
    .replace(/^-+|-+$/g, '');
  return slug.length >= 2 ? slug : undefined;
}
