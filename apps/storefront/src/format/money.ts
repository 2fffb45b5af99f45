const formatters = new Map<string, Intl.NumberFormat>();

/** Integer cents as money, e.g. 1999 → "$19.99" (the API's prices are USD cents). */
export function formatMoney(cents: number, currency = 'USD', locale = 'en-US'): string {
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter.format(cents / 100);
}

/** A price typed by a person ("12", "12.5", "12.50") as integer cents; undefined when not a price. */
export function parseMoney(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+([.,]\d{1,2})?$/.test(trimmed)) return undefined;
  const [whole, fraction = ''] = trimmed.split(/[.,]/);
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}
