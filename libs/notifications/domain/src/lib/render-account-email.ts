/** A security e-mail about the account itself: it goes by e-mail only, never into the in-app list. */
export interface AccountEmail {
  subject: string;
  text: string;
}

export interface AccountLinkFacts {
  /** The public web app's base URL, such as `https://shop.example.com` (no trailing slash needed). */
  appUrl: string;
  /** The clear single-use token; it appears only inside the link. */
  token: string;
  /** When the link stops working (ISO-8601). */
  expiresAt: string;
}

/** `${appUrl}/${page}?token=…`, with the token URL-encoded (base64url needs none, but be safe). */
export function accountLink(appUrl: string, page: string, token: string): string {
  return `${appUrl.replace(/\/+$/, '')}/${page}?token=${encodeURIComponent(token)}`;
}

/**
 * The reset e-mail: the link on a line of its own, its expiry, and what to do when the request
 * was not yours. No user-chosen text (such as the name) appears in it.
 */
export function renderPasswordResetEmail(facts: AccountLinkFacts): AccountEmail {
  return {
    subject: 'Reset your bookstore password',
    text: [
      'Hello,',
      '',
      'Someone asked to reset the password of your bookstore account. To choose a new password, open this link:',
      '',
      accountLink(facts.appUrl, 'reset-password', facts.token),
      '',
      `The link works once, until ${facts.expiresAt}. Resetting signs you out everywhere.`,
      'If you did not ask for this, ignore this e-mail: your password stays as it is.',
      '',
      'The Bookstore',
    ].join('\n'),
  };
}

/** The verification e-mail: the link on a line of its own and its expiry. */
export function renderEmailVerificationEmail(facts: AccountLinkFacts): AccountEmail {
  return {
    subject: 'Confirm your e-mail address',
    text: [
      'Hello,',
      '',
      'Please confirm that this address belongs to your bookstore account by opening this link:',
      '',
      accountLink(facts.appUrl, 'verify-email', facts.token),
      '',
      `The link works once, until ${facts.expiresAt}.`,
      'If you did not create an account, ignore this e-mail.',
      '',
      'The Bookstore',
    ].join('\n'),
  };
}
