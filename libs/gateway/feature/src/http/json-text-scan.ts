/** Nesting deeper than this is refused before parsing (shared/API.md: "deeper than 32 levels"). */
export const MAX_JSON_DEPTH = 32;

/**
 * At most this many `{`, `[` and `,` outside strings: a bound on the containers plus their members.
 * The largest body the API accepts (an order of 50 lines) has about 150; a 100 kB body of `[0,0,…]`
 * has 50,000, and validating each of them answered one message per element (almost 1 MB).
 */
export const MAX_JSON_ELEMENTS = 1_000;

/** Why a JSON text is refused before it is parsed, or null when it may be parsed. */
export type JsonTextProblem = 'too-deep' | 'too-many-elements' | 'nul' | null;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const LETTER_U = 0x75;

/**
 * One pass over the raw JSON text, before `JSON.parse` and validation see it: a 5,000-deep body
 * overflowed the stack of the validation pipe's recursive walk, so depth is counted here, without
 * recursion, from the brackets outside strings. In the same pass: the element count, and a `\u0000`
 * escape (the only way JSON spells NUL: a raw one is malformed JSON), which must not reach a
 * MongoDB key or query. Malformed text is not judged here; the parser refuses it right after.
 */
export function scanJsonText(text: string): JsonTextProblem {
  let depth = 0;
  let elements = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === QUOTE) inString = false;
      else if (c === BACKSLASH) {
        if (text.charCodeAt(i + 1) === LETTER_U && text.startsWith('0000', i + 2)) return 'nul';
        i++; // the escaped character cannot end the string
      }
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > MAX_JSON_DEPTH) return 'too-deep';
      if (++elements > MAX_JSON_ELEMENTS) return 'too-many-elements';
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
    else if (c === COMMA && ++elements > MAX_JSON_ELEMENTS) return 'too-many-elements';
  }
  return null;
}
