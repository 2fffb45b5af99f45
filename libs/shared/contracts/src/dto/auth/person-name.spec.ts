import { isPersonName } from './person-name';

describe('isPersonName', () => {
  it.each([
    'Ada Reader',
    "O'Brien",
    'O’Brien',
    'Jean-Luc Picard',
    'J.R.R. Tolkien',
    'José Núñez',
    'Zoë',
    '李小龙',
    'Ngũgĩ wa Thiong’o',
    'Louis 14',
    'Smith, Jr.',
  ])('accepts %s', (name) => expect(isPersonName(name)).toBe(true));

  it.each([
    'https://evil.example/reset',
    'visit evil.com',
    'bit.ly/x',
    'www.evil',
    'Ada <b>Reader</b>',
    'Ada&nbsp;',
    'ada@evil.com',
    'javascript:alert(1)',
    'Ada\nReader',
    'Ada\u0000',
    'Ada\u202eReader',
    'Ada\u200bReader',
    'ｅｖｉｌ.ｃｏｍ',
    'evil。com',
    '...',
  ])('refuses %j', (name) => expect(isPersonName(name)).toBe(false));
});
