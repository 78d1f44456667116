import { normaliseContacts, normaliseEmail, normalisePhone } from './normalise';

describe('normalising an email', () => {
  it.each([
    ['  Ada.Lovelace@Example.ORG ', 'ada.lovelace@example.org'],
    ['\tada@example.org\n', 'ada@example.org'],
    ['ADA+cafe@sub.example.co.uk', 'ada+cafe@sub.example.co.uk'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['Élodie@Exemple.FR', 'élodie@exemple.fr'],
    ['jean@école.fr', 'jean@école.fr'],
    ['x@xn--cole-bsa.fr', 'x@xn--cole-bsa.fr'],
    ['a@b-c.io', 'a@b-c.io'],
  ])('reads %j as %j', (raw, expected) => {
    expect(normaliseEmail(raw)).toBe(expected);
  });

  it('reads fullwidth letters and signs as the plain address: one person, not two', () => {
    expect(normaliseEmail('ｌｅａ＠ｅｘａｍｐｌｅ．ｏｒｇ')).toBe('lea@example.org');
    expect(normaliseEmail('ＬＥＡ@example.org')).toBe('lea@example.org');
  });

  it.each([
    ['a zero-width space', 'lea\u200b@example.org'],
    ['a zero-width joiner', 'le\u200da@example.org'],
    ['a right-to-left override', 'lea@\u202eexample.org'],
    ['a left-to-right mark', '\u200elea@example.org'],
    ['a byte-order mark inside', 'lea@exa\ufeffmple.org'],
    ['a soft hyphen', 'le\u00ada@example.org'],
    ['a Hangul filler', 'lea\u3164@example.org'],
  ])('refuses an address with %s rather than counting another person', (_what, raw) => {
    expect(normaliseEmail(raw)).toBeNull();
  });

  it('refuses a phone number with an invisible character, reads fullwidth digits', () => {
    expect(normalisePhone('06\u200b12345678')).toBeNull();
    expect(normalisePhone('０６１２３４５６７８')).toBe('+33612345678');
  });

  it('gives the same form for a composed and a decomposed accent', () => {
    expect(normaliseEmail('e\u0301lodie@exemple.fr')).toBe(normaliseEmail('\u00e9lodie@exemple.fr'));
  });

  it.each([
    '',
    '   ',
    'ada',
    'ada@',
    '@example.org',
    'ada@example',
    'ada@@example.org',
    'ada@exa@mple.org',
    'ada lovelace@example.org',
    'ada@exam ple.org',
    'ada@.example.org',
    'ada@example..org',
    'ada@-example.org',
    'ada@example-.org',
    'ada@example.o',
    'ada@example.123',
    '.ada@example.org',
    'ada.@example.org',
    'a..da@example.org',
    '"ada"@example.org',
    'ada@[127.0.0.1]',
    '<ada@example.org>',
    'Ada <ada@example.org>',
    'ada@example.org,bob@example.org',
    `${'a'.repeat(65)}@example.org`,
    `ada@${'a'.repeat(64)}.org`,
    `ada@${'abcdefghi.'.repeat(25)}org`,
  ])('refuses %j', (raw) => {
    expect(normaliseEmail(raw)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(normaliseEmail(undefined)).toBeNull();
    expect(normaliseEmail(null)).toBeNull();
  });
});

describe('normalising a phone', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678'],
    ['0612345678', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['06-12-34-56-78', '+33612345678'],
    [' +33 6 12 34 56 78 ', '+33612345678'],
    ['+33 (0)6 12 34 56 78', '+33612345678'],
    ['+330612345678', '+33612345678'],
    ['0033 6 12 34 56 78', '+33612345678'],
    ['07 56 12 34 56', '+33756123456'],
    ['01 42 34 56 78', '+33142345678'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+1 202 555 0123', '+12025550123'],
  ])('reads %j as %j', (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });

  it.each([
    // national forms of French overseas numbers, which have their own country codes
    ['0696 12 34 56', '+596696123456'], // Martinique mobile
    ['0690 12 34 56', '+590690123456'], // Guadeloupe mobile
    ['0692 12 34 56', '+262692123456'], // La Réunion mobile
    ['0694 12 34 56', '+594694123456'], // French Guiana mobile
    ['0262 12 34 56', '+262262123456'], // La Réunion landline
  ])('reads the overseas national number %j as %j, the same as its international form', (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
    expect(normalisePhone(expected)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'abc',
    '06 12 34 56', // too short
    '06 12 34 56 78 9', // too long
    '0612345678a', // a typo is not dropped silently
    '06 12 a 34 56 78',
    '+33612345678 ext. 12',
    '0012345678',
    '12',
    '+',
    '+999 612345678',
  ])('refuses %j', (raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(normalisePhone(undefined)).toBeNull();
    expect(normalisePhone(null)).toBeNull();
  });
});

describe('normalising the contacts a client sent', () => {
  it('normalises both', () => {
    expect(normaliseContacts({ email: ' Ada@Example.org', phone: '06 12 34 56 78' })).toEqual({
      ok: true,
      contacts: { email: 'ada@example.org', phone: '+33612345678' },
    });
  });

  it('treats a blank field as absent', () => {
    expect(normaliseContacts({ email: '  ', phone: '0612345678' })).toEqual({ ok: true, contacts: { phone: '+33612345678' } });
  });

  it('refuses an invalid field rather than dropping it', () => {
    expect(normaliseContacts({ email: 'ada@example.org', phone: '06 12' })).toEqual({ ok: false, invalid: 'phone' });
    expect(normaliseContacts({ email: 'ada', phone: '0612345678' })).toEqual({ ok: false, invalid: 'email' });
  });

  it('needs an email or a phone', () => {
    expect(normaliseContacts({})).toEqual({ ok: false, invalid: 'missing' });
    expect(normaliseContacts({ email: null, phone: '' })).toEqual({ ok: false, invalid: 'missing' });
  });
});
