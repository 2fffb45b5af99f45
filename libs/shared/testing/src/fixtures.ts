import { randomInt } from 'node:crypto';

import { api } from './gateway-client';
import { unique, uniqueEmail } from './unique';

/** The admin seeded at start (README: ADMIN_EMAIL / ADMIN_PASSWORD). */
export const ADMIN = {
  email: process.env['ADMIN_EMAIL'] ?? 'admin@bookstore.local',
  password: process.env['ADMIN_PASSWORD'] ?? 'ChangeMe123!',
};

/** A password every test customer uses: long enough for the API's rule. */
export const CUSTOMER_PASSWORD = 'correct-horse-9';

export interface TestCustomer {
  id: string;
  email: string;
  token: string;
}

/** Logs in through the gateway and returns the access token; throws when login fails. */
export async function login(email: string, password: string): Promise<string> {
  const res = await api('POST', '/api/v1/auth/login', { body: { email, password } });
  if (res.status !== 200)
    throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

export function loginAdmin(): Promise<string> {
  return login(ADMIN.email, ADMIN.password);
}

/** Registers a new customer with a unique e-mail and logs them in. */
export async function registerCustomer(name = 'Test Reader'): Promise<TestCustomer> {
  const email = uniqueEmail();
  const res = await api('POST', '/api/v1/auth/register', {
    body: { email, password: CUSTOMER_PASSWORD, name },
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, email, token: await login(email, CUSTOMER_PASSWORD) };
}

/** A valid ISBN-13: 978 + 9 random digits + the check digit. */
export function isbn13(): string {
  const digits = [9, 7, 8, ...Array.from({ length: 9 }, () => randomInt(10))];
  const sum = digits.reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 1 : 3), 0);
  return [...digits, (10 - (sum % 10)) % 10].join('');
}

/** Creates a book as admin and returns its id. */
export async function createBook(
  adminToken: string,
  fields: { stock: number; priceCents?: number; title?: string },
): Promise<string> {
  const res = await api('POST', '/api/v1/books', {
    token: adminToken,
    body: {
      title: fields.title ?? unique('Test Book'),
      author: 'E2E Author',
      isbn: isbn13(),
      description: 'A book made by a test',
      genres: ['test'],
      priceCents: fields.priceCents ?? 1299,
      stock: fields.stock,
    },
  });
  if (res.status !== 201) throw new Error(`create book failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}
