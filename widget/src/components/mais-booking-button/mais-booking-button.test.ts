import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deep, deepActiveElement, textOf, waitForHeading } from '../../testing/dom.ts';
import { FakeApi, IDS } from '../../testing/fake-api.ts';
import type { MaisBookingButton } from './mais-booking-button.component.ts';
import './mais-booking-button.ts';

async function render(api: FakeApi, label = '') {
  return fixture<MaisBookingButton>(
    html`<mais-booking-button
      service=${IDS.haircut}
      locale="es"
      timezone="UTC"
      theme="dark"
      .client=${api.client()}
      >${label}</mais-booking-button
    >`,
  );
}

describe('<mais-booking-button>', () => {
  it('is a button with the slotted text (or "Book now" in the locale), and fetches nothing before a click', async () => {
    const api = new FakeApi();
    const el = await render(api, 'Reserve a haircut');
    await expect(el).to.be.accessible();
    expect(deep(el, 'button[part="button"]').getAttribute('aria-haspopup')).to.equal('dialog');
    expect(textOf(el)).to.equal('Reserve a haircut');
    const empty = await render(api);
    expect(textOf(deep(empty, 'slot'))).to.equal('Reservar');
    expect(api.calls).to.have.length(0);
    expect(el.shadowRoot!.querySelector('mais-booking')).to.equal(null);
  });

  it('opens a modal dialog with the booking, passing its attributes on; Escape closes it', async () => {
    const api = new FakeApi();
    const el = await render(api, 'Book');
    const trigger = deep<HTMLButtonElement>(el, 'button[part="button"]');
    trigger.focus();
    const ready = oneEvent(el, 'mais:ready');
    trigger.click();
    await ready; // mais:* events of the booking inside bubble out of the button
    const dialog = deep<HTMLDialogElement>(el, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-label')).to.equal('Reservar una cita');
    const booking = deep(el, 'mais-booking');
    expect(booking.getAttribute('service')).to.equal(IDS.haircut);
    expect(booking.getAttribute('locale')).to.equal('es');
    expect(booking.getAttribute('theme')).to.equal('dark');
    await waitForHeading(booking, 'Elige con quién');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    expect(dialog.open).to.equal(false);
    expect(deepActiveElement()).to.equal(trigger);
    // Opening again keeps the booking where the client left it.
    trigger.click();
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    expect(deep(el, 'mais-booking')).to.equal(booking);
    deep(el, 'button[part="close"]').click();
    expect(dialog.open).to.equal(false);
  });
});
