/** Control, format (zero-width, bidi overrides) and line/paragraph separator characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/** Anything a mail client or an HTML view could turn into a link or markup. */
const LINK_OR_MARKUP = /[<>&"`/\\:@]|www\.|[\p{L}\p{N}]\.[\p{L}\p{N}]{2,}/iu;

/**
 * A user-given name as it may appear in a notification or e-mail, or undefined when it must not
 * appear at all. Registration already refuses such names; this is the second line for names
 * stored before that rule or arriving by another path: invisible characters go, and a name that
 * could be linkified or read as markup is left out rather than escaped, since plain-text e-mail
 * has no escaping that every client honours.
 */
export function safeName(name: string | undefined): string | undefined {
  const visible = (name ?? '').replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
  if (!visible || LINK_OR_MARKUP.test(visible)) return undefined;
  return visible;
}

/** "Hello Ada" or, when the name cannot be shown, "Hello". */
export function greeting(name: string | undefined): string {
  const shown = safeName(name);
  return shown ? `Hello ${shown}` : 'Hello';
}
