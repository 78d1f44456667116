import { preferredMediaType } from './media-negotiation';

const offered = ['application/json', 'application/ld+json'];

describe('choosing JSON or JSON-LD from Accept', () => {
  it.each([
    [undefined, 'application/json'],
    ['application/ld+json', 'application/ld+json'],
    ['application/json', 'application/json'],
    ['*/*', 'application/json'],
    ['application/ld+json, application/json;q=0.5', 'application/ld+json'],
    ['application/json;q=0.4, application/ld+json;q=0.9', 'application/ld+json'],
    ['application/*, application/ld+json', 'application/ld+json'],
    ['text/html', 'application/json'],
  ])('Accept: %s gives %s', (accept, expected) => {
    expect(preferredMediaType(accept, offered)).toBe(expected);
  });
});
