import type { ValidationError } from 'class-validator';

/** Flattens class-validator errors (nested too) into readable sentences. */
export function validationMessages(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((text) => (prefix ? `${path}: ${text}` : text));
    return [...own, ...validationMessages(error.children ?? [], path)];
  });
}
