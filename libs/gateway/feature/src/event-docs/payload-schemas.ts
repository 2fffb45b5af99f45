import type { MetadataStorage as TransformerMetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';

/** A JSON Schema object as the AsyncAPI document embeds it. */
export type JsonSchema = Record<string, unknown>;

/** Where the document keeps its shared schemas; class-validator-jsonschema writes $refs to it. */
export const SCHEMA_REF_PREFIX = '#/components/schemas/';

/** A class whose instances a schema describes. */
export type SchemaClass = abstract new (...args: never[]) => object;

// class-transformer's @Type() metadata tells which class a nested array holds; its storage is not
// part of the package's typed entry, so it is loaded by path (the same copy class-transformer uses).
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: TransformerMetadataStorage;
};

/**
 * JSON Schemas of the given classes and of every class they nest, keyed by class name, derived
 * from their class-validator decorators (the same metadata consumers validate with), so a payload
 * is described where it is defined and nowhere else.
 */
export function payloadSchemas(classes: readonly SchemaClass[]): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = {};
  const pending: SchemaClass[] = [...classes];
  while (pending.length > 0) {
    const target = pending.shift() as SchemaClass;
    if (schemas[target.name]) continue;
    const schema = targetConstructorToSchema(target, {
      classTransformerMetadataStorage: defaultMetadataStorage,
      classValidatorMetadataStorage: getMetadataStorage(),
      refPointerPrefix: SCHEMA_REF_PREFIX,
    }) as JsonSchema;
    schemas[target.name] = schema;
    pending.push(...nestedClasses(target, schema));
  }
  return schemas;
}

/** The classes a schema refers to: a $ref carries only a name, @Type() on the property gives the class. */
function nestedClasses(target: SchemaClass, schema: JsonSchema): SchemaClass[] {
  const properties = (schema['properties'] ?? {}) as Record<string, unknown>;
  return Object.entries(properties)
    .filter(([, property]) => JSON.stringify(property).includes('"$ref"'))
    .map(([name]) => {
      const nested = defaultMetadataStorage.findTypeMetadata(target, name)?.typeFunction();
      if (typeof nested !== 'function')
        throw new Error(`${target.name}.${name} nests a class without @Type()`);
      return nested as SchemaClass;
    });
}
