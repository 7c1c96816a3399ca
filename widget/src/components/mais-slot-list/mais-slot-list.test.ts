import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { tokens } from '../../styles/tokens.styles.ts';
import { deep, deepAll, textOf } from '../../testing/dom.ts';
import { slotsOf } from '../../testing/fake-api.ts';
import type { MaisSlotList } from './mais-slot-list.component.ts';
import './mais-slot-list.ts';

const slots = slotsOf('2026-07-01');
const classSlots = slots.map((slot, i) => ({ ...slot, seatsLeft: [1, 3, 12][i]! }));

/** sRGB channels 0–1 of a computed colour, "rgb(…)" or "color(srgb …)". */
function channels(color: string): number[] {
  const values = color.match(/[\d.]+/g)!.map(Number);
  return color.startsWith('color(') ? values.slice(0, 3) : values.slice(0, 3).map((v) => v / 255);
}

/** WCAG 2 contrast ratio of two computed colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = channels(color).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The look of a button: what tells its states apart. */
function look(button: HTMLElement) {
  const style = getComputedStyle(button);
  return {
    background: style.backgroundColor,
    color: style.color,
    border: style.borderTopColor,
    outline: `${style.outlineStyle} ${style.outlineColor}`,
  };
}

describe('<mais-slot-list>', () => {
  before(() => {
    // The theme tokens <mais-booking> sets on its wrapper, here on the test's own.
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, tokens.styleSheet!];
  });
  afterEach(() => resetMouse());

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
    expect(deepAll(el, '.seats')).to.have.length(0);
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

  for (const theme of ['light', 'dark']) {
    it(`tells rest, hover, focus and picked apart, with AA contrast, in the ${theme} theme`, async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div class="base" data-theme=${theme}>
          <mais-slot-list
            timezone="UTC"
            locale="en-US"
            show-seats
            .selected=${slots[1]!.startTimeUtc}
            .slots=${classSlots}
          ></mais-slot-list>
        </div>`,
      );
      const el = wrapper.querySelector('mais-slot-list')!;
      const [first, picked, last] = deepAll(el, 'button') as [HTMLElement, HTMLElement, HTMLElement];
      const surface = getComputedStyle(wrapper).getPropertyValue('--_surface').trim();
      const surfaceColor = (() => {
        const probe = document.createElement('span');
        probe.style.color = surface;
        wrapper.append(probe);
        const color = getComputedStyle(probe).color;
        probe.remove();
        return color;
      })();

      const rest = look(last);
      const selected = look(picked);
      const box = last.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.x + 10), Math.round(box.y + 10)] });
      const hover = look(last);
      await resetMouse();
      first.focus();
      await sendKeys({ press: 'Tab' }); // keyboard focus, so :focus-visible
      expect(deep(el, 'button:focus-visible')).to.equal(picked);
      await sendKeys({ press: 'Tab' });
      expect(deep(el, 'button:focus-visible')).to.equal(last);
      const focus = look(last);

      // Picked: the primary colour (tokens' default) with white text.
      expect(selected.background).to.equal('rgb(36, 83, 199)');
      expect(selected.color).to.equal('rgb(255, 255, 255)');
      // Hover: a tinted background and a primary border; focus: the ring, nothing else changes.
      expect(hover.background).to.not.equal(rest.background);
      expect(hover.border).to.equal('rgb(36, 83, 199)');
      expect(hover.border).to.not.equal(rest.border);
      expect(rest.outline.startsWith('none')).to.equal(true);
      expect(focus.outline.startsWith('solid')).to.equal(true);
      expect({ ...focus, outline: '' }).to.deep.equal({ ...rest, outline: '' });
      const looks = [rest, hover, focus, selected].map((l) => JSON.stringify(l));
      expect(new Set(looks).size).to.equal(4);

      for (const [state, { background, color }] of Object.entries({ rest, hover, focus, selected }))
        expect(contrast(color, background), `${state} text`).to.be.at.least(4.5);
      expect(contrast(rest.border, surfaceColor), 'rest border').to.be.at.least(3);
      expect(contrast(selected.border, surfaceColor), 'picked border').to.be.at.least(3);
      expect(contrast(focus.outline.slice(6), surfaceColor), 'focus ring').to.be.at.least(3);
    });
  }

  it('shows the seats left under each time, in the accessible name too, and is accessible', async () => {
    const el = await fixture<MaisSlotList>(
      html`<mais-slot-list
        timezone="UTC"
        locale="en-US"
        label="1 July"
        show-seats
        .slots=${classSlots}
      ></mais-slot-list>`,
    );
    expect(el.showSeats).to.equal(true);
    await expect(el).to.be.accessible();
    expect(deepAll(el, '.seats').map(textOf)).to.deep.equal(['1 seat left', '3 seats left', '12 seats left']);
    // The name comes from the content: no aria-label, a comma for screen readers only.
    const names = () => deepAll(el, 'button').map((b) => (b.hasAttribute('aria-label') ? '?' : textOf(b)));
    expect(deep(el, 'button .sr-only').textContent).to.equal(', ');
    expect(names()).to.deep.equal([
      '9:00 AM, 1 seat left',
      '9:30 AM, 3 seats left',
      '2:00 PM, 12 seats left',
    ]);

    el.seatsLabel = (n) => (n === 1 ? 'queda 1 plaza' : `quedan ${n} plazas`);
    await el.updateComplete;
    expect(deepAll(el, '.seats').map(textOf)).to.deep.equal([
      'queda 1 plaza',
      'quedan 3 plazas',
      'quedan 12 plazas',
    ]);
    expect(names()[0]).to.equal('9:00 AM, queda 1 plaza');

    el.showSeats = false;
    await el.updateComplete;
    expect(deepAll(el, '.seats, .sr-only')).to.have.length(0);
    expect(names()[0]).to.equal('9:00 AM');
  });
});
