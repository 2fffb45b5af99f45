import { ValidationPipe } from '@nestjs/common';

/** The global pipe: unknown properties are rejected, types are converted and checked. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
}
