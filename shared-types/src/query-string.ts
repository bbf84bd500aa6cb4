/**
 * Serialises nested REST parameters the way Strapi's parser (`qs`) reads them:
 * `{ populate: { partner: { fields: ['name'] } } }` → `populate%5Bpartner%5D%5Bfields%5D%5B0%5D=name`.
 * Keys and values are percent-encoded, arrays indexed, undefined left out. Used by the site's
 * client and the CMS tests alike.
 *
 * Kept here rather than taken from `qs` (what Strapi's docs use): these fifteen lines are all of
 * qs.stringify the REST API needs, its output is what both callers sent before, and the site and
 * the tests need no further dependency.
 */
export function toQueryString(params: Record<string, unknown>): string {
  const parts: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${key}[${index}]`));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${key}[${k}]`);
    else if (value !== undefined) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  };
  for (const [key, value] of Object.entries(params)) walk(value, key);
  return parts.join('&');
}
