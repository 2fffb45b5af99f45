// The data a run needs: the seeded admin, fresh books with a known stock, fresh customers.
// Everything is named with a per-run tag so runs never collide with each other or with tests.
import { randomInt, randomUUID } from 'node:crypto';

import { callPatiently, expectStatus, mapLimit } from './http.mjs';

export const RUN_TAG = randomUUID().slice(0, 8);

/** A valid ISBN-13 (978 prefix, correct check digit), random enough to be unique per run. */
export function isbn13() {
  const digits = [9, 7, 8, ...Array.from({ length: 9 }, () => randomInt(10))];
  const sum = digits.reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 1 : 3), 0);
  return [...digits, (10 - (sum % 10)) % 10].join('');
}

/** Logs in and returns the access token. */
export async function login(email, password) {
  const res = await callPatiently('POST', '/api/v1/auth/login', { body: { email, password } });
  return expectStatus(res, 200, `login ${email}`).accessToken;
}

export function adminLogin() {
  return login(
    process.env.ADMIN_EMAIL ?? 'admin@bookstore.local',
    process.env.ADMIN_PASSWORD ?? 'ChangeMe123!',
  );
}

/** Creates `count` books with `stock` each; returns [{ id, stock, priceCents, title }]. */
export async function createBooks(adminToken, count, stock, label = 'bench') {
  return mapLimit(
    Array.from({ length: count }, (_, i) => i),
    4,
    async (i) => {
      const body = {
        title: `${label} ${RUN_TAG} #${i}`,
        author: 'Bench Author',
        isbn: isbn13(),
        description: `Created by the ${label} harness, run ${RUN_TAG}.`,
        genres: ['benchmark'],
        priceCents: 500 + i * 100,
        stock,
      };
      const res = await callPatiently('POST', '/api/v1/books', { token: adminToken, body });
      const book = expectStatus(res, 201, `create book ${i}`);
      return { id: book.id, stock, priceCents: body.priceCents, title: body.title };
    },
  );
}

/** Registers and logs in `count` customers; returns [{ email, token, id }]. */
export async function createCustomers(count, label = 'bench', concurrency = 4) {
  const password = `Bench-${RUN_TAG}-pw`;
  return mapLimit(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => {
      const email = `${label}-${RUN_TAG}-${i}@example.test`;
      const reg = await callPatiently('POST', '/api/v1/auth/register', {
        body: { email, password, name: `${label} customer ${i}` },
      });
      const user = expectStatus(reg, 201, `register ${email}`);
      return { email, id: user.id, token: await login(email, password) };
    },
  );
}

/** The current stock of each book, read through the gateway. */
export async function readStocks(books) {
  const stocks = {};
  for (const book of books) {
    const res = await callPatiently('GET', `/api/v1/books/${book.id}`);
    stocks[book.id] = expectStatus(res, 200, `read book ${book.id}`).stock;
  }
  return stocks;
}
