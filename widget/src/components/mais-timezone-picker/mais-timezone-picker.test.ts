import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { deep, deepActiveElement, textOf } from '../../testing/dom.ts';
import type { MaisTimezonePicker } from './mais-timezone-picker.component.ts';
import './mais-timezone-picker.ts';

describe('<mais-timezone-picker>', () => {
  it('names the zone with its offset and opens a searchable list of every zone', async () => {
    const el = await fixture<MaisTimezonePicker>(
      html`<mais-timezone-picker timezone="Asia/Kolkata" locale="en"></mais-timezone-picker>`,
    );
    expect(textOf(deep(el, '.zone'))).to.equal('Times in Asia/Kolkata (GMT+5:30) Change time zone');
    await expect(el).to.be.accessible();
    deep(el, 'button').click();
    await el.updateComplete;
    expect(deep(el, 'button').getAttribute('aria-expanded')).to.equal('true');
    expect(deepActiveElement()).to.equal(deep(el, 'input'));
    const options = [...el.shadowRoot!.querySelectorAll('option')].map((o) => o.value);
    expect(options).to.include.members(['Europe/Madrid', 'America/New_York', 'Asia/Tokyo', 'UTC']);
    await expect(el).to.be.accessible();
  });

  it('takes a zone typed in any case with spaces, and refuses one that is not in the list', async () => {
    const el = await fixture<MaisTimezonePicker>(
      html`<mais-timezone-picker timezone="UTC"></mais-timezone-picker>`,
    );
    deep(el, 'button').click();
    await el.updateComplete;
    const input = deep<HTMLInputElement>(el, 'input');
    input.value = 'Nowhere';
    deep(el, 'form .btn').click();
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(deep(el, '#zone-error'))).to.equal('Pick a time zone from the list.');
    input.value = 'europe/madrid';
    const changed = oneEvent(el, 'zone-change');
    deep(el, 'form .btn').click();
    expect((await changed).detail).to.deep.equal({ zone: 'Europe/Madrid' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });
});
