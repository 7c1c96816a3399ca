import { expect } from '@open-wc/testing';
import { MaisElement } from './mais-element.ts';

describe('MaisElement.define', () => {
  it('registers a tag once; a second copy of the script warns instead of throwing', () => {
    class First extends MaisElement {}
    class Second extends MaisElement {}
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      First.define('mais-define-test');
      First.define('mais-define-test');
      expect(warnings).to.deep.equal([]);
      Second.define('mais-define-test');
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('mais-define-test')).to.equal(First);
    expect(warnings).to.deep.equal([
      '<mais-define-test> is already defined: widget.js seems to be loaded twice. The first copy is used.',
    ]);
  });
});
