import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { ADMIN, CUSTOMER_PASSWORD, gatewayUrl, isbn13, unique, uniqueEmail } from '@bookstore/shared/testing';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';

// The storefront in Debian's Chromium (tools/infra/infra.sh chromium installs it; CHROMIUM_PATH names
// another), driven through its pages only, against the system GATEWAY_URL points at: the gateway
// serves the build at `/`. The story of issue 16: an admin adds a book with one copy, two customers
// both put it in their carts, the first buys it and sees the order confirmed live, the second is told
// it is sold out, the admin ships the first order and its page shows that live too.

const BASE = gatewayUrl();
const ROOT = join(__dirname, '../../..');
/** STOREFRONT_SCREENSHOTS=docs writes the README's screenshots; any other run keeps them under tmp/. */
const SHOTS =
  process.env['STOREFRONT_SCREENSHOTS'] === 'docs'
    ? join(ROOT, 'docs/images')
    : join(ROOT, 'tmp/storefront-screenshots');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 780, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
/** How long a page may take to show what the system did (the saga settles in milliseconds). */
const LIVE_MS = 20_000;

jest.setTimeout(90_000);

/**
 * The browser globals the functions run in the page read: the specs compile without the DOM lib,
 * so each such function casts `globalThis` to this (the cast is gone once compiled).
 */
interface PageGlobals {
  document: {
    querySelector(selector: string): { textContent: string | null } | null;
    documentElement: { scrollWidth: number };
  };
  innerWidth: number;
  location: { pathname: string };
  storefrontSpecMark?: boolean;
}

let browser: Browser;

async function launch(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
    headless: true,
    // Chromium's own sandbox refuses to start as root (CI containers run as root).
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-dev-shm-usage'],
  });
}

/** A page of its own browser profile (its own localStorage: its own session and cart). */
async function newUserPage(viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(viewport);
  return { context, page };
}

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${BASE}${path}`, { waitUntil: 'domcontentloaded' });
}

async function headingText(page: Page, text: string | RegExp): Promise<void> {
  await page.waitForFunction(
    (source: string, flags: string) =>
      new RegExp(source, flags).test(
        (globalThis as unknown as PageGlobals).document.querySelector('h1')?.textContent ?? '',
      ),
    {},
    typeof text === 'string' ? text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : text.source,
    typeof text === 'string' ? '' : text.flags,
  );
}

async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).fill(value);
}

async function clickButton(page: Page, text: string): Promise<void> {
  await page.locator(`button::-p-text(${text})`).click();
}

async function clickNav(page: Page, href: string): Promise<void> {
  await page.locator(`nav[aria-label="Main"] a[href="${href}"]`).click();
}

/** A screenshot of the page as its user sees it, with the passing toasts dismissed first. */
async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  for (const dismiss of await page.$$('.toasts button[aria-label="Dismiss"]')) await dismiss.click();
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `storefront-${name}.png`) as `${string}.png`, fullPage });
}

/** The error the page shows in its alert region, once there is one. */
async function alertText(page: Page): Promise<string> {
  const alert = await page.waitForSelector('[role="alert"]', { timeout: LIVE_MS });
  return (await alert?.evaluate((element) => element.textContent ?? '')) ?? '';
}

async function loggedIn(page: Page): Promise<void> {
  await page.locator('button::-p-text(Log out)').wait();
}

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await visit(page, '/login');
  await fill(page, 'input[name="email"]', email);
  await fill(page, 'input[name="password"]', password);
  await clickButton(page, 'Log in');
  await loggedIn(page);
}

async function register(page: Page, name: string, email: string): Promise<void> {
  await fill(page, 'input[name="name"]', name);
  await fill(page, 'input[name="email"]', email);
  await fill(page, 'input[name="password"]', CUSTOMER_PASSWORD);
  await clickButton(page, 'Register');
}

async function orderStatus(page: Page, status: string): Promise<void> {
  await page.waitForSelector(`article[data-status="${status}"]`, { timeout: LIVE_MS });
}

/** Marks the document; a full reload would drop the mark, an in-page update keeps it. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobals).storefrontSpecMark = true;
  });
}

async function stillSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).storefrontSpecMark === true);
}

/** The id at the end of the current URL (`/orders/<id>`, `/staff/books/<id>`). */
function idInUrl(page: Page): string {
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

describe('storefront in a browser: the last copy, two customers, an admin', () => {
  const title = unique('The Last Copy');
  const customerA = { name: 'Ada Reader', email: uniqueEmail() };
  const customerB = { name: 'Bob Reader', email: uniqueEmail() };
  let admin: Page;
  let pageA: Page;
  let pageB: Page;
  const contexts: BrowserContext[] = [];
  let bookId = '';
  let orderA = '';

  beforeAll(async () => {
    browser = await launch();
    for (const user of ['admin', 'A', 'B'] as const) {
      const { context, page } = await newUserPage();
      contexts.push(context);
      if (user === 'admin') admin = page;
      else if (user === 'A') pageA = page;
      else pageB = page;
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('an admin logs in and adds a book with one copy through the staff form', async () => {
    await logIn(admin, ADMIN.email, ADMIN.password);
    await clickNav(admin, '/staff');
    await admin.locator('main a[href="/staff/books"]').click();
    await admin.locator('a[href="/staff/books/new"]').click();
    await headingText(admin, 'Add a book');
    await fill(admin, 'input[name="title"]', title);
    await fill(admin, 'input[name="author"]', 'Ursula K. Le Guin');
    await fill(admin, 'input[name="isbn"]', isbn13());
    await fill(admin, 'textarea[name="description"]', 'Only one copy left in the whole store.');
    await fill(admin, 'input[name="genres"]', 'Fiction, Classics');
    await fill(admin, 'input[name="price"]', '12.34');
    await fill(admin, 'input[name="stock"]', '1');
    await shot(admin, 'staff-book-form', true);
    await clickButton(admin, 'Add book');

    await headingText(admin, `Edit “${title}”`);
    bookId = idInUrl(admin);
    expect(bookId).toMatch(/^[0-9a-f]{24}$/);
    await admin.waitForSelector('[data-stock="1"]');
  });

  it('the admin restocks and writes off copies; writing off more than there is is refused readably', async () => {
    await fill(admin, 'input[name="copies"]', '2');
    await clickButton(admin, 'Restock');
    await admin.waitForSelector('[data-stock="3"]');
    await clickButton(admin, 'Write off');
    await admin.waitForSelector('[data-stock="1"]');
    await fill(admin, 'input[name="copies"]', '5');
    await clickButton(admin, 'Write off');
    expect(await alertText(admin)).toMatch(/only 1 in stock/i);
    await admin.waitForSelector('[data-stock="1"]');
  });

  it('shows an API refusal as a readable message: the staff form with a bad ISBN', async () => {
    await visit(admin, '/staff/books/new');
    await headingText(admin, 'Add a book');
    await fill(admin, 'input[name="title"]', unique('Bad ISBN'));
    await fill(admin, 'input[name="author"]', 'Nobody');
    await fill(admin, 'input[name="isbn"]', '12-34');
    await fill(admin, 'input[name="price"]', '1');
    await clickButton(admin, 'Add book');
    const text = await alertText(admin);
    expect(text).toMatch(/isbn must be an ISBN-10 or ISBN-13/i);
    expect(text).not.toMatch(/statusCode|\{|\}/);
  });

  it('customers register and log in through the pages; a taken e-mail is told readably', async () => {
    await visit(pageA, '/register');
    await register(pageA, customerA.name, customerA.email);
    await loggedIn(pageA);
    await clickButton(pageA, 'Log out');
    await logIn(pageA, customerA.email, CUSTOMER_PASSWORD);

    // B first tries A's e-mail: the API's 409 is shown as a sentence, not as JSON.
    await visit(pageB, '/register');
    await register(pageB, customerB.name, customerA.email);
    const text = await alertText(pageB);
    expect(text).toMatch(/already exists/i);
    expect(text).not.toMatch(/statusCode|\{|\}/);
    await fill(pageB, 'input[name="email"]', customerB.email);
    await clickButton(pageB, 'Register');
    await loggedIn(pageB);
    await clickButton(pageB, 'Log out');
    await logIn(pageB, customerB.email, CUSTOMER_PASSWORD);
  });

  it('both put the last copy in their carts from the book page, opened by a deep link', async () => {
    for (const page of [pageA, pageB]) {
      // A full page load of /books/:id: the gateway answers index.html and the app routes there.
      await visit(page, `/books/${bookId}`);
      await headingText(page, title);
      // Still logged in after a full page load: the session comes back from the stored refresh token.
      await loggedIn(page);
      await page.waitForSelector('[data-stock="1"]');
      if (page === pageA) await shot(page, 'book');
      await clickButton(page, 'Add to cart');
      await clickNav(page, '/cart');
      await headingText(page, 'Your cart');
      await page.locator(`a[href="/books/${bookId}"]::-p-text(${title})`).wait();
    }
    await shot(pageA, 'cart');
  });

  it('A places the order with a double click: one order, CONFIRMED on its page without a reload', async () => {
    await markDocument(pageA);
    await pageA.locator('button::-p-text(Place order)').click({ count: 2 });
    await pageA.waitForFunction(() =>
      /^\/orders\/[0-9a-f]{24}$/.test((globalThis as unknown as PageGlobals).location.pathname),
    );
    orderA = idInUrl(pageA);
    await orderStatus(pageA, 'CONFIRMED');
    expect(await stillSameDocument(pageA)).toBe(true);
    await shot(pageA, 'order-confirmed');
  });

  it('B places the order and is told the book is sold out; the book page then says so', async () => {
    await pageB.locator('button::-p-text(Place order)').click();
    await orderStatus(pageB, 'REJECTED');
    const reason = await pageB.$eval('[data-reason]', (element) => element.textContent ?? '');
    expect(reason).toMatch(/insufficient stock/i);
    expect(reason).toContain(title);

    await pageB.locator(`article a[href="/books/${bookId}"]`).click();
    await headingText(pageB, title);
    await pageB.locator('::-p-text(Sold out)').wait();
    expect(await pageB.$('button::-p-text(Add to cart)')).toBeNull();
  });

  it("an admin ships A's order from the staff orders page; A's order page shows SHIPPED live", async () => {
    await markDocument(pageA);
    await clickNav(admin, '/staff');
    await admin.locator('main a[href="/staff/orders"]').click();
    await headingText(admin, 'Orders');
    await admin.locator('select[name="status"]').fill('CONFIRMED');
    const row = `tr[data-order-id="${orderA}"]`;
    await admin.waitForSelector(`${row} [data-status="CONFIRMED"]`, { timeout: LIVE_MS });
    await shot(admin, 'staff-orders');
    await admin.locator(`${row} button::-p-text(Mark shipped)`).click();
    await admin.waitForSelector(`${row} [data-status="SHIPPED"]`, { timeout: LIVE_MS });

    await orderStatus(pageA, 'SHIPPED');
    expect(await stillSameDocument(pageA)).toBe(true);
  });

  it('the staff dead-letter page lists what is parked, or says nothing is', async () => {
    await clickNav(admin, '/staff');
    await admin.locator('main a[href="/staff/dead-letters"]').click();
    await headingText(admin, 'Dead letters');
    await admin.waitForSelector('.dead-letters, .empty');
    expect(await admin.$('[role="alert"]')).toBeNull();
  });

  it('the double click made exactly one order', async () => {
    await clickNav(pageA, '/orders');
    await headingText(pageA, 'Your orders');
    await pageA.waitForSelector('tbody tr');
    const rows = await pageA.$$eval('tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(title);
  });

  it('renders the catalog at phone width without horizontal scrolling', async () => {
    const { context: desktop, page } = await newUserPage();
    contexts.push(desktop);
    await visit(page, '/');
    await headingText(page, 'Books');
    await page.waitForSelector('.book-card');
    await shot(page, 'catalog');

    const { context: phone, page: small } = await newUserPage(PHONE);
    contexts.push(phone);
    await visit(small, '/');
    await headingText(small, 'Books');
    await small.waitForSelector('.book-card');
    const { scrollWidth, innerWidth } = await small.evaluate(() => ({
      scrollWidth: (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth,
      innerWidth: (globalThis as unknown as PageGlobals).innerWidth,
    }));
    expect(innerWidth).toBe(PHONE.width);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await shot(small, 'catalog-phone');
  });
});
