import { ApiError, apiErrorFromResponse, describeError, networkError } from './api-error';

describe('apiErrorFromResponse', () => {
  it('reads the shared error shape with a message string', () => {
    const error = apiErrorFromResponse(409, {
      statusCode: 409,
      error: 'Conflict',
      message: 'email already registered',
      correlationId: 'c-1',
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, message: 'Email already registered', correlationId: 'c-1' });
  });

  it('joins a list of validation messages and keeps each one', () => {
    const error = apiErrorFromResponse(400, {
      statusCode: 400,
      error: 'Bad Request',
      message: ['password must be longer than or equal to 8 characters', 'email must be an email'],
      correlationId: 'c-2',
    });
    expect(error.message).toBe(
      'Password must be longer than or equal to 8 characters; email must be an email',
    );
    expect(error.details).toHaveLength(2);
  });

  it('falls back to a readable message by status, and the correlation id of the header', () => {
    expect(apiErrorFromResponse(429, undefined, 'h-1')).toMatchObject({
      message: 'Too many attempts; wait a moment and try again.',
      correlationId: 'h-1',
    });
    expect(apiErrorFromResponse(502, 'Bad gateway').message).toBe(
      'The store cannot be reached right now; try again shortly.',
    );
    expect(apiErrorFromResponse(418, { error: "I'm a teapot", message: [] }).message).toBe("I'm a teapot");
    expect(apiErrorFromResponse(599, undefined).message).toBe('Request failed (HTTP 599).');
  });
});

describe('networkError and describeError', () => {
  it('says the store could not be reached, with status 0', () => {
    const error = networkError(new TypeError('Failed to fetch'));
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/could not be reached|offline/);
  });

  it('gives a generic text for anything that is not an ApiError', () => {
    expect(describeError(new Error('x'))).toBe('Something went wrong. Please try again.');
    expect(describeError(apiErrorFromResponse(404, { message: 'Book not found' }))).toBe('Book not found');
  });
});
