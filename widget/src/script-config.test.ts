import { expect } from '@open-wc/testing';
import { readScriptConfig } from './script-config.ts';

function script(attributes: Record<string, string>): HTMLScriptElement {
  const element = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

describe('readScriptConfig', () => {
  it("takes the key from data-tenant-key and the API from the script's origin", () => {
    const tag = script({ src: 'https://api.mais.example/widget.js', 'data-tenant-key': 'pk_live_abc' });
    expect(readScriptConfig(tag, 'https://studio.example/book')).to.deep.equal({
      tenantKey: 'pk_live_abc',
      apiBase: 'https://api.mais.example',
    });
  });

  it("falls back to the page's origin for a relative src or no script", () => {
    expect(
      readScriptConfig(script({ src: '/widget.js' }), 'http://127.0.0.1:3000/examples/inline/'),
    ).to.deep.equal({
      tenantKey: '',
      apiBase: 'http://127.0.0.1:3000',
    });
    expect(readScriptConfig(null, 'https://studio.example/book?x=1')).to.deep.equal({
      tenantKey: '',
      apiBase: 'https://studio.example',
    });
  });
});
