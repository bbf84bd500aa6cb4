/**
 * Our custom fields: name → the Strapi type their value is stored as. Registered on the server at
 * start (src/index.ts); their admin inputs are in src/admin/fields/. An attribute uses one as
 * `"type": "customField", "customField": "global::<name>"`.
 */
export const CUSTOM_FIELDS = {
  /** A country picked by its Italian name, stored as its ISO 3166-1 alpha-2 code. */
  country: 'string',
} as const;
