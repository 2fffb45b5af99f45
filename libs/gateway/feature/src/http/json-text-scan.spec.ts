import { MAX_JSON_DEPTH, MAX_JSON_ELEMENTS, scanJsonText } from './json-text-scan';

/** `{"items": …}` with `levels` containers in all, the object included. */
function nested(levels: number): string {
  return `{"items":${'['.repeat(levels - 1)}0${']'.repeat(levels - 1)}}`;
}

describe('scanJsonText', () => {
  it('lets nesting up to the limit through and refuses one level more', () => {
    expect(scanJsonText(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(scanJsonText(nested(MAX_JSON_DEPTH + 1))).toBe('too-deep');
  });

  it('refuses 5,000 levels without recursion', () => {
    expect(scanJsonText(nested(5_000))).toBe('too-deep');
  });

  it('counts depth, not the number of containers side by side', () => {
    const wide = JSON.stringify({ items: Array.from({ length: 100 }, () => [[{ a: [1] }]]) });
    expect(scanJsonText(wide)).toBeNull();
  });

  it('refuses more elements than the limit, also when each is tiny', () => {
    expect(scanJsonText(JSON.stringify({ items: new Array(MAX_JSON_ELEMENTS - 1).fill(0) }))).toBeNull();
    expect(scanJsonText(JSON.stringify({ items: new Array(MAX_JSON_ELEMENTS + 1).fill(0) }))).toBe(
      'too-many-elements',
    );
    expect(scanJsonText(JSON.stringify(new Array(MAX_JSON_ELEMENTS + 1).fill([])))).toBe('too-many-elements');
  });

  it('ignores brackets and commas inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ a: '['.repeat(100), b: ','.repeat(5_000), c: 'say \\"[[[[" ok' });
    expect(scanJsonText(text)).toBeNull();
  });

  it('finds a NUL escape in a value or a key, in any case of hex digit', () => {
    expect(scanJsonText(JSON.stringify({ name: 'a\u0000b' }))).toBe('nul');
    expect(scanJsonText(JSON.stringify({ ['k\u0000']: 1 }))).toBe('nul');
    expect(scanJsonText('{"a":"\\u0000"}')).toBe('nul');
  });

  it('does not mistake an escaped backslash followed by "u0000" for NUL', () => {
    // The JSON text "\\u0000" is a backslash and the five characters u0000.
    expect(scanJsonText(JSON.stringify({ a: '\\u0000' }))).toBeNull();
    expect(scanJsonText('{"a":"\\u0001"}')).toBeNull();
  });
});
