import { accountLink, renderEmailVerificationEmail, renderPasswordResetEmail } from './render-account-email';

const facts = {
  appUrl: 'https://shop.example.com/',
  token: 'AbC-123_xyz',
  expiresAt: '2025-01-01T00:30:00.000Z',
};

describe('account e-mails', () => {
  it('builds the link from the app URL, the page and the token', () => {
    expect(accountLink('http://localhost:3000', 'reset-password', 'a+b')).toBe(
      'http://localhost:3000/reset-password?token=a%2Bb',
    );
    expect(accountLink('https://shop.example.com//', 'verify-email', 'x')).toBe(
      'https://shop.example.com/verify-email?token=x',
    );
  });

  it('puts the reset link on a line of its own, with its expiry', () => {
    const email = renderPasswordResetEmail(facts);
    expect(email.subject).toBe('Reset your bookstore password');
    expect(email.text.split('\n')).toContain('https://shop.example.com/reset-password?token=AbC-123_xyz');
    expect(email.text).toContain(facts.expiresAt);
  });

  it('puts the verification link on a line of its own, with its expiry', () => {
    const email = renderEmailVerificationEmail(facts);
    expect(email.subject).toBe('Confirm your e-mail address');
    expect(email.text.split('\n')).toContain('https://shop.example.com/verify-email?token=AbC-123_xyz');
    expect(email.text).toContain(facts.expiresAt);
  });
});
