import { expect, waitUntil } from '@open-wc/testing';
import { en } from '../../i18n/en.ts';
import {
  fillHaircutForm,
  renderBooking,
  submitForm,
  toCalendar,
  toDetails,
} from '../../testing/booking-steps.ts';
import { buttonWithText, deep, deepAll, waitForHeading } from '../../testing/dom.ts';
import { IDS, TOKEN } from '../../testing/fake-api.ts';
import type { MaisBooking } from './mais-booking.component.ts';

/**
 * Contrast in both themes: axe (WCAG AA contrast included) on each step, plus a direct check of the
 * filled buttons, whose text sits on a colour of ours (axe cannot always tell what is behind a text).
 * Navigation goes through the shared helpers (src/testing/booking-steps.ts) only.
 */

/** The WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = color
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((c) => {
        const s = Number(c) / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** Every enabled filled button (`.btn` but not quiet) of the booking, its text against its fill. */
function expectReadableButtons(el: MaisBooking): void {
  const buttons = [el, ...deepAll(el, 'mais-intake-form')].flatMap((root) =>
    deepAll<HTMLButtonElement>(root, '.btn:not(.btn--quiet):not([disabled])'),
  );
  for (const button of buttons) {
    const style = getComputedStyle(button);
    const ratio = contrast(style.color, style.backgroundColor);
    expect(
      ratio,
      `"${button.textContent!.trim()}" ${style.color} on ${style.backgroundColor}`,
    ).to.be.at.least(4.5);
  }
}

async function expectStepPasses(el: MaisBooking, theme: 'light' | 'dark'): Promise<void> {
  expect(deep(el, '.base').dataset.theme).to.equal(theme);
  expectReadableButtons(el);
  await expect(el).to.be.accessible();
}

for (const theme of ['light', 'dark'] as const) {
  describe(`<mais-booking> in the ${theme} theme`, () => {
    const page = location.href;
    afterEach(() => history.replaceState(null, '', page));

    it('passes axe on the services, calendar, details and confirmation steps', async () => {
      const { el } = await renderBooking({ theme });
      await waitForHeading(el, en.chooseService);
      await expectStepPasses(el, theme);

      await toCalendar(el);
      await expectStepPasses(el, theme);

      // toDetails starts from the services again: a fresh widget.
      const { el: details } = await renderBooking({ theme });
      await toDetails(details);
      await expectStepPasses(details, theme);

      await fillHaircutForm(details);
      submitForm(details);
      await waitForHeading(details, en.booked);
      await expectStepPasses(details, theme);
    });

    it('passes axe on the manage view and its cancel step ("Yes, cancel it" readable)', async () => {
      history.replaceState(
        null,
        '',
        `${location.pathname}?mais-appointment=${IDS.appointment}&mais-token=${TOKEN}`,
      );
      const { el } = await renderBooking({ theme });
      await waitForHeading(el, en.yourBooking);
      await expectStepPasses(el, theme);

      buttonWithText(el, en.cancelBooking).click();
      await waitForHeading(el, en.cancelQuestion);
      // "Yes, cancel it" is enabled once the cancellation terms are in.
      await waitUntil(() => !buttonWithText(el, en.cancelYes).disabled, 'the cancel button enabled');
      await expectStepPasses(el, theme);
      const yes = getComputedStyle(buttonWithText(el, en.cancelYes));
      expect(contrast(yes.color, yes.backgroundColor)).to.be.at.least(4.5);
    });
  });
}

describe('<mais-booking theme="auto">', () => {
  afterEach(() => document.documentElement.style.removeProperty('color-scheme'));

  it("follows the page's color-scheme", async () => {
    document.documentElement.style.colorScheme = 'dark';
    const { el } = await renderBooking({ theme: 'auto' });
    await waitForHeading(el, en.chooseService);
    expect(deep(el, '.base').dataset.theme).to.equal('dark');
    expect(getComputedStyle(deep(el, '.base')).backgroundColor).to.equal('rgb(21, 24, 30)');
    document.documentElement.style.colorScheme = 'light';
    await waitUntil(() => deep(el, '.base').dataset.theme === 'light', 'the light theme');
    await expect(el).to.be.accessible();
  });
});
