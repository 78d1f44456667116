import { html, safeHref, scriptJson, trusted } from './html';

describe('html templates', () => {
  it('escapes every interpolated value, keeps nested fragments', () => {
    const name = '<script>alert("x")</script> & co';
    const inner = html`<b>${name}</b>`;
    expect(html`<p title="${name}">${inner}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co"><b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</b></p>',
    );
  });
  it('joins arrays and drops null, undefined and booleans', () => {
    expect(html`<ul>${['a', 'b'].map((x) => html`<li>${x}</li>`)}${null}${false}</ul>`.value).toBe('<ul><li>a</li><li>b</li></ul>');
  });
  it('lets only trusted markup through unescaped', () => {
    expect(html`${trusted('<svg></svg>')}`.value).toBe('<svg></svg>');
  });
  it('refuses javascript: links and keeps JSON inside a script tag inert', () => {
    expect(safeHref('javascript:alert(1)')).toBe('#');
    expect(safeHref('/territoires/region/84')).toBe('/territoires/region/84');
    expect(safeHref('//evil.example')).toBe('#');
    expect(scriptJson({ name: '</script><script>x' }).value).not.toContain('</script>');
  });
});
