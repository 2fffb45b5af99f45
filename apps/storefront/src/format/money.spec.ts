import { formatMoney, parseMoney } from './money';

describe('formatMoney', () => {
  it('shows integer cents as dollars and cents', () => {
    expect(formatMoney(1999)).toBe('$19.99');
    expect(formatMoney(5)).toBe('$0.05');
    expect(formatMoney(0)).toBe('$0.00');
    expect(formatMoney(123456)).toBe('$1,234.56');
  });
});

describe('parseMoney', () => {
  it('reads what people type as cents', () => {
    expect(parseMoney('12')).toBe(1200);
    expect(parseMoney('12.5')).toBe(1250);
    expect(parseMoney(' 12.05 ')).toBe(1205);
    expect(parseMoney('0,99')).toBe(99);
  });

  it('refuses what is not a price', () => {
    expect(parseMoney('')).toBeUndefined();
    expect(parseMoney('-1')).toBeUndefined();
    expect(parseMoney('1.999')).toBeUndefined();
    expect(parseMoney('abc')).toBeUndefined();
  });
});
