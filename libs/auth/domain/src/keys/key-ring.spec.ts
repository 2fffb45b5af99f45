import { selectKeys } from './key-ring';

const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.UTC(2025, 0, 1) + hours * HOUR);

describe('selectKeys (key rotation by activation time)', () => {
  const old = { kid: 'old', activatesAt: at(0) };
  const current = { kid: 'current', activatesAt: at(100) };

  it('signs with the only key and verifies with it', () => {
    expect(selectKeys([old], at(5000), 24 * HOUR)).toEqual({ signing: old, verifying: [old] });
  });

  it('signs with the newest active key and keeps the previous one verifying until it is retired', () => {
    const justRotated = selectKeys([old, current], at(101), 24 * HOUR);
    expect(justRotated.signing).toBe(current);
    expect(justRotated.verifying.map((k) => k.kid)).toEqual(['current', 'old']);
  });

  it('retires a key once its successor has signed for longer than the retirement period', () => {
    const later = selectKeys([current, old], at(124), 24 * HOUR);
    expect(later.signing).toBe(current);
    expect(later.verifying.map((k) => k.kid)).toEqual(['current']);
  });

  it('measures retirement from each key’s own successor', () => {
    const newest = { kid: 'newest', activatesAt: at(130) };
    const selection = selectKeys([old, current, newest], at(140), 24 * HOUR);
    expect(selection.signing).toBe(newest);
    expect(selection.verifying.map((k) => k.kid)).toEqual(['newest', 'current']);
  });

  it('publishes a key before its activation but keeps signing with the active one', () => {
    const next = { kid: 'next', activatesAt: at(200) };
    const before = selectKeys([old, current, next], at(150), 24 * HOUR);
    expect(before.signing).toBe(current);
    expect(before.verifying.map((k) => k.kid)).toEqual(['next', 'current']);
    expect(selectKeys([old, current, next], at(200), 24 * HOUR).signing).toBe(next);
  });

  it('refuses an empty key set, and a set whose keys are all still to come', () => {
    expect(() => selectKeys([], at(0), HOUR)).toThrow('no signing keys');
    expect(() => selectKeys([current], at(50), HOUR)).toThrow('no signing key is active yet');
  });
});
