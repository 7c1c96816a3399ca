import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { ThemeController } from './theme.controller.ts';

/** A host that renders what 'auto' resolves to, counting its renders. */
class ThemeHost extends LitElement {
  readonly themes = new ThemeController(this);
  renders = 0;
  protected override render() {
    this.renders += 1;
    return this.themes.resolve('auto');
  }
}
customElements.define('theme-host', ThemeHost);

const root = document.documentElement;
const resolved = (el: ThemeHost) => el.shadowRoot!.textContent!.trim();
const becomes = (el: ThemeHost, theme: string) =>
  waitUntil(() => resolved(el) === theme, `"auto" resolved to ${theme} (now ${resolved(el)})`);

describe('ThemeController', () => {
  afterEach(async () => {
    root.removeAttribute('style');
    root.removeAttribute('class');
    document.querySelectorAll('meta[name="color-scheme"], style[data-test]').forEach((e) => e.remove());
    await emulateMedia({ colorScheme: 'light' });
  });

  it('keeps light and dark as they are, and treats anything else as light', async () => {
    root.style.colorScheme = 'dark';
    const el = await fixture<ThemeHost>(html`<theme-host></theme-host>`);
    expect(el.themes.resolve('light')).to.equal('light');
    expect(el.themes.resolve('dark')).to.equal('dark');
    expect(el.themes.resolve(undefined)).to.equal('light');
    expect(el.themes.resolve('blue' as 'light')).to.equal('light');
  });

  it("resolves 'auto' by the page's color-scheme over the system's setting", async () => {
    await emulateMedia({ colorScheme: 'light' });
    root.style.colorScheme = 'dark';
    const el = await fixture<ThemeHost>(html`<theme-host></theme-host>`);
    expect(resolved(el)).to.equal('dark');

    await emulateMedia({ colorScheme: 'dark' });
    root.style.colorScheme = 'light';
    await becomes(el, 'light');
    root.style.colorScheme = 'only light';
    await el.updateComplete;
    expect(resolved(el)).to.equal('light');
  });

  it("follows the system when the page says nothing or both ('normal', 'light dark'), live", async () => {
    const el = await fixture<ThemeHost>(html`<theme-host></theme-host>`);
    expect(resolved(el)).to.equal('light');
    await emulateMedia({ colorScheme: 'dark' });
    await becomes(el, 'dark');
    root.style.colorScheme = 'light dark';
    await el.updateComplete;
    expect(resolved(el)).to.equal('dark');
    await emulateMedia({ colorScheme: 'light' });
    await becomes(el, 'light');
  });

  it('reads the color-scheme the host inherits, from a class toggled on <html>', async () => {
    const style = Object.assign(document.createElement('style'), {
      textContent: ':root.night { color-scheme: dark; }',
    });
    style.dataset.test = '';
    document.head.append(style);
    const el = await fixture<ThemeHost>(html`<theme-host></theme-host>`);
    expect(resolved(el)).to.equal('light');
    root.classList.add('night');
    await becomes(el, 'dark');
    root.classList.remove('night');
    await becomes(el, 'light');
  });

  it('reads <meta name="color-scheme">, added, changed and removed', async () => {
    const el = await fixture<ThemeHost>(html`<theme-host></theme-host>`);
    const meta = Object.assign(document.createElement('meta'), { name: 'color-scheme', content: 'dark' });
    document.head.append(meta);
    await becomes(el, 'dark');
    meta.content = 'light dark';
    await becomes(el, 'light');
    meta.content = 'dark';
    await becomes(el, 'dark');
    meta.remove();
    await becomes(el, 'light');
  });

  it('does not update the host for other changes, nor once disconnected', async () => {
    const el = await fixture<ThemeHost>(html`<theme-host></theme-host>`);
    const renders = el.renders;
    document.head.append(Object.assign(document.createElement('script'), { type: 'text/plain' }));
    root.dataset.unrelated = 'x';
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.renders).to.equal(renders);
    delete root.dataset.unrelated;

    el.remove();
    root.style.colorScheme = 'dark';
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.renders).to.equal(renders);
    document.head.querySelector('script[type="text/plain"]')!.remove();
  });
});
