import { z } from 'zod';
import { MediaSchema } from './common.ts';

/**
 * A copy of a response schema that refuses unknown keys at every depth, for tests: a field added
 * in Strapi and returned by the REST API fails the parse instead of being dropped silently.
 *
 * Strapi's upload plugin owns the media object (hash, provider, previewUrl... vary by version and
 * provider), so `MediaSchema` and whatever sits under it stays as it is: it is not our model.
 * The site keeps the lenient schemas: an unknown key there must not break a build.
 */
export function strictSchema<T extends z.ZodType>(schema: T): T {
  return strictDeep(schema) as T;
}

function strictDeep(schema: z.ZodType): z.ZodType {
  if (schema === MediaSchema) return schema;
  const def = schema._zod.def as z.core.$ZodTypeDef & { element: z.ZodType; innerType: z.ZodType };
  switch (def.type) {
    case 'object': {
      const shape = Object.fromEntries(
        Object.entries((schema as z.ZodObject).shape).map(([key, value]) => [key, strictDeep(value as z.ZodType)]),
      );
      return schema.clone({ ...def, shape, catchall: z.never() } as typeof def);
    }
    case 'array':
      return schema.clone({ ...def, element: strictDeep(def.element) } as typeof def);
    case 'nullable':
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return schema.clone({ ...def, innerType: strictDeep(def.innerType) } as typeof def);
    default:
      return schema;
  }
}
