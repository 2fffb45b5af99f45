import type { ValidationOptions } from 'class-validator';
import { buildMessage, ValidateBy } from 'class-validator';

/** Letters and marks of any script, digits, and the punctuation names carry: ' ’ - . , and spaces. */
const NAME_CHARACTERS = /^[\p{L}\p{M}\p{N}'’.,\- ]+$/u;
/** `evil.com`, `bit.ly`: a mail client turns such a token into a link even without a scheme. */
const DOMAIN_LIKE = /[\p{L}\p{N}]\.[\p{L}\p{N}]{2,}/u;
const WWW = /(^|[^\p{L}])www\./iu;

/**
 * Whether `value` reads as a person's name and nothing else: it goes into e-mails to whatever
 * address registered it, so no URL, domain, e-mail address, markup or control character may ride
 * in it. Unicode names, O'Brien, Jean-Luc and J.R.R. Tolkien pass.
 */
export function isPersonName(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    NAME_CHARACTERS.test(value) &&
    /\p{L}/u.test(value) &&
    !DOMAIN_LIKE.test(value) &&
    !WWW.test(value)
  );
}

/** Validation of a person's name (see isPersonName). */
export function IsPersonName(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPersonName',
      validator: {
        validate: isPersonName,
        defaultMessage: buildMessage(
          () => "$property must be a plain name: letters, digits, spaces and ' ’ - . , only, no web address",
          options,
        ),
      },
    },
    options,
  );
}
