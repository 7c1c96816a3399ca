import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { deepAll, textOf } from '../../testing/dom.ts';
import { slotsOf } from '../../testing/fake-api.ts';
import type { MaisSlotList } from './mais-slot-list.component.ts';
import './mais-slot-list.ts';

const slots = slotsOf('2026-07-01');

describe('<mais-slot-list>', () => {
  it('shows each time in the zone and the locale clock, and is accessible', async () => {
    const el = await fixture<MaisSlotList>(
      html`<mais-slot-list
        timezone="Asia/Kolkata"
        locale="en-GB"
        label="1 July"
        .slots=${slots}
      ></mais-slot-list>`,
    );
    await expect(el).to.be.accessible();
    // 09:00Z is 14:30 in India (UTC+5:30); en-GB uses a 24-hour clock.
    expect(deepAll(el, '[part~="slot"]').map(textOf)).to.deep.equal(['14:30', '15:00', '19:30']);
  });

  it('marks the picked time and tells which one was picked', async () => {
    const el = await fixture<MaisSlotList>(
      html`<mais-slot-list
        timezone="UTC"
        locale="en-US"
        .selected=${slots[1]!.startTimeUtc}
        .slots=${slots}
      ></mais-slot-list>`,
    );
    const buttons = deepAll(el, 'button');
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'true', 'false']);
    expect(buttons[1]!.getAttribute('part')).to.equal('slot slot-selected');
    const picked = oneEvent(el, 'slot-select');
    buttons[2]!.click();
    expect((await picked).detail.slot).to.equal(slots[2]);
  });
});
