import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { loadZoneSearch } from '../../dates/zone-search-chunk.ts';
import { deep, deepActiveElement, deepAll, textOf } from '../../testing/dom.ts';
import type { MaisTimezonePicker } from './mais-timezone-picker.component.ts';
import './mais-timezone-picker.ts';

async function openPicker(timezone = 'Asia/Kolkata', locale = 'en') {
  const el = await fixture<MaisTimezonePicker>(
    html`<mais-timezone-picker timezone=${timezone} locale=${locale}></mais-timezone-picker>`,
  );
  deep(el, 'button').click();
  await el.updateComplete;
  await el.updateComplete; // the input is focused after the render that shows it
  await loadZoneSearch(); // the search, loaded as the search opens
  return el;
}

const input = (el: MaisTimezonePicker) => deep<HTMLInputElement>(el, 'input');
const options = (el: MaisTimezonePicker) => deepAll(el, '[role="option"]');
const optionTexts = (el: MaisTimezonePicker) => options(el).map(textOf);

async function type(el: MaisTimezonePicker, text: string) {
  await sendKeys({ type: text });
  await el.updateComplete;
}

async function press(el: MaisTimezonePicker, key: string) {
  await sendKeys({ press: key });
  await el.updateComplete;
}

describe('<mais-timezone-picker>', () => {
  // First: once loaded, the search stays loaded for the page.
  it('loads the search only as it opens, and lists what was typed once it is here', async () => {
    const el = await fixture<MaisTimezonePicker>(
      html`<mais-timezone-picker timezone="UTC" locale="en"></mais-timezone-picker>`,
    );
    expect(
      performance.getEntriesByType('resource').some((entry) => /zone-search\.ts/.test(entry.name)),
    ).to.equal(false);
    deep(el, 'button').click();
    await el.updateComplete;
    await el.updateComplete;
    await type(el, 'Tokyo');
    await waitUntil(() => optionTexts(el).length > 0, 'the results');
    expect(optionTexts(el)[0]).to.match(/^Asia\/Tokyo \(GMT\+9\)$/);
  });

  it('names the zone with its offset, and is accessible closed', async () => {
    const el = await fixture<MaisTimezonePicker>(
      html`<mais-timezone-picker timezone="Asia/Kolkata" locale="en"></mais-timezone-picker>`,
    );
    expect(textOf(deep(el, '.zone'))).to.equal('Times in Asia/Kolkata (GMT+5:30) Change time zone');
    expect(deep(el, '.zone').getAttribute('part')).to.equal('zone');
    expect(deep(el, 'button').getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('opens a combobox filled with the given zone, its text selected to type over', async () => {
    const el = await openPicker('America/New_York');
    expect(deep(el, 'button').getAttribute('aria-expanded')).to.equal('true');
    const field = input(el);
    expect(deepActiveElement()).to.equal(field);
    expect(field.value).to.equal('America/New York');
    expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, field.value.length]);
    expect(field.getAttribute('role')).to.equal('combobox');
    expect(field.getAttribute('aria-controls')).to.equal('zones');
    expect(deep(el, '#zones').getAttribute('role')).to.equal('listbox');
    // No list until the client types.
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    expect(deep(el, '#zones').hidden).to.equal(true);
    expect(el.shadowRoot!.querySelector('datalist')).to.equal(null);
  });

  it('lists at most 8 matches with their current offsets, and is accessible open with results', async () => {
    const el = await openPicker();
    await type(el, 'India');
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    expect(deep(el, '#zones').hidden).to.equal(false);
    expect(optionTexts(el)[0]).to.match(/^Asia\/(Kolkata|Calcutta) \(GMT\+5:30\)$/);
    await press(el, 'ArrowDown');
    await expect(el).to.be.accessible();
    await press(el, 'Backspace');
    await type(el, 'a');
    expect(options(el)).to.have.length(8);
    for (const text of optionTexts(el)) expect(text).to.match(/ \(GMT([+−-]\d{1,2}(:\d\d)?)?\)$/);
  });

  for (const [query, zone] of [
    ['New York', 'America/New York'],
    ['Berlin', 'Europe/Berlin'],
    ['Germany', 'Europe/Berlin'],
    ['PST', 'America/Los Angeles'],
    ['IST', 'Asia/(Kolkata|Calcutta)'],
    ['Tokyo', 'Asia/Tokyo'],
    ['UK', 'Europe/London'],
    ['London', 'Europe/London'],
    ['CET', 'Europe/Paris'],
  ] as const) {
    it(`finds ${zone} first for "${query}"`, async () => {
      const el = await openPicker();
      await type(el, query);
      expect(optionTexts(el)[0]).to.match(new RegExp(`^${zone} \\(GMT`));
    });
  }

  it('names countries in its language', async () => {
    const el = await openPicker('UTC', 'es');
    await type(el, 'Alemania');
    expect(optionTexts(el)[0]).to.match(/^Europe\/Berlin \(GMT\+[12]\)$/);
  });

  it('moves through the list with the arrows (wrapping), and Enter picks the highlighted zone', async () => {
    const el = await openPicker();
    await type(el, 'CET');
    const field = input(el);
    const count = options(el).length;
    expect(field.hasAttribute('aria-activedescendant')).to.equal(false);
    await press(el, 'ArrowDown');
    expect(field.getAttribute('aria-activedescendant')).to.equal('zone-0');
    expect(options(el)[0]!.getAttribute('aria-selected')).to.equal('true');
    await press(el, 'ArrowDown');
    expect(field.getAttribute('aria-activedescendant')).to.equal('zone-1');
    expect(options(el).map((o) => o.getAttribute('aria-selected'))).to.deep.equal(
      options(el).map((_, i) => String(i === 1)),
    );
    await press(el, 'ArrowUp');
    await press(el, 'ArrowUp');
    expect(field.getAttribute('aria-activedescendant')).to.equal(`zone-${count - 1}`);
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    expect(field.getAttribute('aria-activedescendant')).to.equal('zone-1');
    expect(deepActiveElement()).to.equal(field); // focus stays in the input
    const changed = oneEvent(el, 'zone-change');
    await press(el, 'Enter');
    expect((await changed).detail).to.deep.equal({ zone: 'Europe/Berlin' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(deepActiveElement()).to.equal(deep(el, 'button'));
  });

  it('picks a zone with a click', async () => {
    const el = await openPicker();
    await type(el, 'Tokyo');
    const changed = oneEvent(el, 'zone-change');
    options(el)[0]!.click();
    expect((await changed).detail).to.deep.equal({ zone: 'Asia/Tokyo' });
  });

  it('closes the list with Escape, then the search, without letting Escape reach a dialog', async () => {
    const el = await openPicker();
    let escapes = 0;
    el.addEventListener('keydown', () => escapes++);
    await type(el, 'Berlin');
    await press(el, 'ArrowDown');
    await press(el, 'Escape');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
    expect(deepActiveElement()).to.equal(input(el));
    await press(el, 'ArrowDown'); // opens the list again
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('zone-0');
    await press(el, 'Escape');
    await press(el, 'Escape');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(deepActiveElement()).to.equal(deep(el, 'button'));
    expect(escapes).to.equal(8); // the six letters and the arrows, not the Escapes
  });

  it('takes a typed IANA name or the best match on Enter, and refuses what matches nothing', async () => {
    const el = await openPicker('UTC');
    await type(el, 'Nowhere');
    await press(el, 'Enter');
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(input(el).getAttribute('aria-describedby')).to.equal('zone-error');
    expect(textOf(deep(el, '#zone-error'))).to.equal('Pick a time zone from the list.');
    input(el).select();
    await type(el, 'europe/madrid');
    let changed = oneEvent(el, 'zone-change');
    await press(el, 'Enter');
    expect((await changed).detail).to.deep.equal({ zone: 'Europe/Madrid' });

    deep(el, 'button').click();
    await el.updateComplete;
    await el.updateComplete;
    await loadZoneSearch();
    await type(el, 'tokyo');
    changed = oneEvent(el, 'zone-change');
    deep(el, 'form .btn').click();
    expect((await changed).detail).to.deep.equal({ zone: 'Asia/Tokyo' });
  });

  it('closes without an event when the given zone is kept', async () => {
    const el = await openPicker('America/New_York');
    let changes = 0;
    el.addEventListener('zone-change', () => changes++);
    await press(el, 'Enter');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(changes).to.equal(0);
  });
});
