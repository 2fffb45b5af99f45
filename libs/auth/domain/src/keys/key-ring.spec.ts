import { selectKeys } from './key-ring';

const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.UTC(2025, 0, 1) + hours * HOUR);

describe('selectKeys (key rotation)', () => {
  const old = { kid: 'old', createdAt: at(0) };
  const current = { kid: 'current', createdAt: at(100) };

  it('signs with the only key and verifies with it', () => {
    expect(selectKeys([old], at(5000), 24 * HOUR)).toEqual({ signing: old, verifying: [old] });
  });

  it('signs with the newest key and keeps the previous one verifying until it is retired', () => {
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
    const newest = { kid: 'newest', createdAt: at(130) };
    const selection = selectKeys([old, current, newest], at(140), 24 * HOUR);
    expect(selection.signing).toBe(newest);
    expect(selection.verifying.map((k) => k.kid)).toEqual(['newest', 'current']);
  });

  it('refuses an empty key set', () => {
    expect(() => selectKeys([], at(0), HOUR)).toThrow('no signing keys');
  });
});
