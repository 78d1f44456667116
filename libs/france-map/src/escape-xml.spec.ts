import { escapeXml, safeHref } from './escape-xml';

describe('escaping', () => {
  it('escapes the five characters that could break out of text or an attribute', () => {
    expect(escapeXml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('keeps site paths, fragments and http(s) links, escaped', () => {
    expect(safeHref('/territoires/region/84?a=1&b=2')).toBe('/territoires/region/84?a=1&amp;b=2');
    expect(safeHref('#carte')).toBe('#carte');
    expect(safeHref('https://example.org/"x"')).toBe('https://example.org/&quot;x&quot;');
  });

  it('refuses other schemes and protocol-relative links', () => {
    for (const href of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', '//evil.example/x', 'vbscript:x']) {
      expect(() => safeHref(href)).toThrow(/refused/);
    }
  });
});
