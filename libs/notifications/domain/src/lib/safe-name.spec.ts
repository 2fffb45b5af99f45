import { renderWelcome } from './render-notification';
import { greeting, safeName } from './safe-name';

describe('user-given names in notifications', () => {
  it('keeps ordinary names', () => {
    for (const name of ['Ada', "O'Brien", 'Jean-Luc', 'J.R.R. Tolkien', 'José Núñez', '李小龙']) {
      expect(safeName(name)).toBe(name);
    }
  });

  it('drops invisible characters and folds line breaks', () => {
    expect(safeName('Ada\u202e\u200bLovelace')).toBe('Ada Lovelace');
    expect(safeName('Ada\r\nBcc: victim@example.com')).toBeUndefined();
    expect(safeName('Ada\nLovelace')).toBe('Ada Lovelace');
  });

  it('leaves out a name that could become a link or markup', () => {
    for (const name of [
      'https://evil.example/login',
      'Claim your prize at evil.com',
      'www.evil',
      '<a href=x>Ada</a>',
      'ada@evil.example',
      'Tom & Jerry',
    ]) {
      expect(safeName(name)).toBeUndefined();
      expect(greeting(name)).toBe('Hello');
    }
  });

  it('welcomes without the name when the name is not safe to show', () => {
    const rendered = renderWelcome({ userId: 'u1', name: 'Reset your password at evil.com' });
    expect(rendered.body).toBe('Hello, your account is ready. Happy reading!');
    expect(renderWelcome({ userId: 'u1', name: 'Ada' }).body).toBe(
      'Hello Ada, your account is ready. Happy reading!',
    );
  });
});
