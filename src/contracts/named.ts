import type { z } from 'zod';

/**
 * The contracts' named schemas: each is a component of the OpenAPI document under its name
 * (`#/components/schemas/<name>`), named where it is defined, so that a new schema needs no
 * entry in a table elsewhere. Every request and response body of an endpoint must be one.
 */
const byName = new Map<string, z.ZodType>();
const nameOf = new WeakMap<z.ZodType, string>();

/** Names the schema (returned as it is, the same instance); a name or schema is named once. */
export function named<T extends z.ZodType>(name: string, schema: T): T {
  const earlier = byName.get(name);
  if (earlier !== undefined && earlier !== schema) {
    throw new Error(`Two contract schemas are named ${name}`);
  }
  const other = nameOf.get(schema);
  if (other !== undefined && other !== name) {
    throw new Error(`The schema named ${other} is named ${name} too`);
  }
  byName.set(name, schema);
  nameOf.set(schema, name);
  return schema;
}

/** Every named schema, by name, in the order they were named. */
export function namedSchemas(): ReadonlyMap<string, z.ZodType> {
  return byName;
}
