import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { deep, deepActiveElement, headingOf, textOf, waitForHeading } from '../../testing/dom.ts';
import { FakeApi, haircut, IDS, tenant, TOKEN } from '../../testing/fake-api.ts';
import type { MaisBooking } from '../mais-booking/mais-booking.component.ts';
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
    await waitUntil(() => headingOf(booking) !== '', 'the first step');
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

describe('<mais-booking-button> dialog header and theme', () => {
  const html_ = document.documentElement;
  afterEach(async () => {
    html_.style.removeProperty('color-scheme');
    await setViewport({ width: 800, height: 600 });
  });

  async function open(el: MaisBookingButton): Promise<{ dialog: HTMLDialogElement; booking: MaisBooking }> {
    const ready = oneEvent(el, 'mais:ready');
    await el.show();
    await ready;
    await el.updateComplete;
    return { dialog: deep<HTMLDialogElement>(el, 'dialog'), booking: deep<MaisBooking>(el, 'mais-booking') };
  }

  it("heads the dialog with the business's name once the booking is ready; the dialog keeps its name", async () => {
    const api = new FakeApi();
    const el = await render(api);
    expect(textOf(deep(el, '[part="header"]'))).to.equal('×');
    await open(el);
    expect(textOf(deep(el, '[part="header"] .name'))).to.equal(tenant.name);
    expect(deep(el, 'dialog').getAttribute('aria-label')).to.equal('Reservar una cita');
    await expect(el).to.be.accessible();
  });

  it('gives header, dialog and booking one theme: "auto" follows the page, live', async () => {
    html_.style.colorScheme = 'dark';
    const el = await fixture<MaisBookingButton>(
      html`<mais-booking-button
        theme="auto"
        timezone="UTC"
        .client=${new FakeApi().client()}
      ></mais-booking-button>`,
    );
    const { dialog, booking } = await open(el);
    const backgrounds = () =>
      [dialog, deep(el, '[part="header"]'), deep(booking, '.base')].map(
        (e) => getComputedStyle(e).backgroundColor,
      );
    expect(dialog.dataset.theme).to.equal('dark');
    expect(booking.getAttribute('theme')).to.equal('dark');
    expect(deep(booking, '.base').dataset.theme).to.equal('dark');
    expect(backgrounds()).to.deep.equal(Array(3).fill('rgb(21, 24, 30)'));
    await expect(el).to.be.accessible();

    html_.style.colorScheme = 'light';
    await waitUntil(() => deep(booking, '.base').dataset.theme === 'light', 'the light theme');
    expect(dialog.dataset.theme).to.equal('light');
    expect(backgrounds()).to.deep.equal(Array(3).fill('rgb(255, 255, 255)'));
  });

  it("takes the tenant's theme when the page sets none", async () => {
    const api = new FakeApi();
    api.tenant = { ...tenant, branding: { theme: 'dark', primaryColor: '#0a7d55' } };
    const el = await fixture<MaisBookingButton>(
      html`<mais-booking-button timezone="UTC" .client=${api.client()}></mais-booking-button>`,
    );
    const { dialog, booking } = await open(el);
    expect(dialog.dataset.theme).to.equal('dark');
    expect(deep(booking, '.base').dataset.theme).to.equal('dark');
    expect(getComputedStyle(dialog).getPropertyValue('--_primary').trim()).to.equal('#0a7d55');
  });

  it('fills a 390px wide screen, and the header stays in view while the booking scrolls', async () => {
    await setViewport({ width: 390, height: 640 });
    const api = new FakeApi();
    // A long list of services, to have something to scroll.
    api.services = Array.from({ length: 12 }, (_, i) => ({
      ...haircut,
      id: `${IDS.haircut.slice(0, -2)}${10 + i}`,
      name: `Service ${i}`,
    }));
    const el = await fixture<MaisBookingButton>(
      html`<mais-booking-button timezone="UTC" .client=${api.client()}></mais-booking-button>`,
    );
    const { dialog } = await open(el);
    const box = dialog.getBoundingClientRect();
    expect([box.left, box.top, box.width, box.height]).to.deep.equal([0, 0, 390, 640]);
    expect(dialog.scrollHeight).to.be.greaterThan(dialog.clientHeight);
    dialog.scrollTop = dialog.scrollHeight;
    await new Promise(requestAnimationFrame);
    expect(dialog.scrollTop).to.be.greaterThan(0);
    const close = deep(el, '[part="close"]');
    const header = close.getBoundingClientRect();
    expect(header.top).to.be.at.least(0);
    expect(header.bottom).to.be.at.most(60);
    // On top of the booking, not under it.
    expect(el.shadowRoot!.elementFromPoint(header.left + 10, header.top + 10)).to.be.oneOf([
      close,
      close.firstElementChild,
    ]);
    expect(textOf(deep(el, '[part="header"] .name'))).to.equal(tenant.name);
  });
});

describe('<mais-booking-button> and the manage link', () => {
  const page = location.href;
  let link = 0;
  /** A new link each time: a button opens its dialog once per link. */
  const openManageLink = () =>
    history.replaceState(
      null,
      '',
      `${location.pathname}?mais-appointment=${IDS.appointment}&mais-token=${TOKEN}&n=${++link}`,
    );
  afterEach(() => history.replaceState(null, '', page));

  it('opens the first button of a page without an inline widget, on the manage view; only that one', async () => {
    openManageLink();
    const api = new FakeApi();
    const root = await fixture<HTMLElement>(
      html`<div>
        <mais-booking-button locale="en" timezone="UTC" .client=${api.client()}></mais-booking-button>
        <mais-booking-button locale="en" timezone="UTC" .client=${api.client()}></mais-booking-button>
      </div>`,
    );
    const [first, second] = [...root.querySelectorAll('mais-booking-button')];
    await waitUntil(() => first!.opened, 'the first dialog open');
    const dialog = deep<HTMLDialogElement>(first!, 'dialog');
    await waitUntil(() => dialog.open, 'the first dialog open');
    expect(dialog.matches(':modal')).to.equal(true);
    const booking = deep(first!, 'mais-booking');
    await waitForHeading(booking, 'Your booking');
    expect(second!.opened).to.equal(false);
    expect(deep<HTMLDialogElement>(second!, 'dialog').open).to.equal(false);
    await expect(first).to.be.accessible();

    // The same link, connected again (a framework re-rendering the page): not again.
    first!.close();
    first!.remove();
    root.prepend(first!);
    await first!.updateComplete;
    expect(dialog.open).to.equal(false);
  });

  it('leaves the manage view to an inline <mais-booking> when the page has one', async () => {
    openManageLink();
    const api = new FakeApi();
    const root = await fixture<HTMLElement>(
      html`<div>
        <mais-booking-button timezone="UTC" .client=${api.client()}></mais-booking-button>
        <mais-booking timezone="UTC" .client=${api.client()}></mais-booking>
      </div>`,
    );
    const inline = root.querySelector('mais-booking')!;
    await waitForHeading(inline, 'Your booking');
    const button = root.querySelector('mais-booking-button')!;
    expect(button.opened).to.equal(false);
    expect(deep<HTMLDialogElement>(button, 'dialog').open).to.equal(false);
  });

  it('stays closed without a manage link', async () => {
    const el = await render(new FakeApi());
    await el.updateComplete;
    expect(el.opened).to.equal(false);
  });
});
