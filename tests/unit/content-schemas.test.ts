import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { collections } from '../../src/content.config.ts';

/** Every field of a JSON schema, by its path, with the description editors' YAML tools show. */
function fields(schema: unknown, path = ''): Array<[string, string | undefined]> {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as { properties?: Record<string, { description?: string }>; items?: unknown; anyOf?: unknown[] };
  const own = Object.entries(node.properties ?? {}).flatMap(([key, value]): Array<[string, string | undefined]> => [
    [`${path}${key}`, value.description],
    ...fields(value, `${path}${key}.`),
  ]);
  return [...own, ...fields(node.items, path), ...(node.anyOf ?? []).flatMap((s) => fields(s, path))];
}

describe('the content schemas', () => {
  it.each(Object.entries(collections))('describe every field of %s for editors', (_, collection) => {
    const schema = (collection as { schema?: z.ZodType }).schema;
    expect(schema).toBeDefined();
    const json = z.toJSONSchema(schema!, { io: 'input', unrepresentable: 'any' });
    const all = fields(json);
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter(([, description]) => !description?.trim()).map(([path]) => path)).toEqual([]);
  });
});
