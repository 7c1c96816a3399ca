import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deep, deepActiveElement, deepAll } from '../../testing/dom.ts';
import type { MaisCalendar } from './mais-calendar.component.ts';
import './mais-calendar.ts';

const AVAILABLE = ['2026-12-03', '2026-12-04', '2026-12-31'];

function render(locale = 'en-US') {
  return fixture<MaisCalendar>(
    html`<mais-calendar
      month="2026-12"
      today="2026-12-01"
      locale=${locale}
      .available=${AVAILABLE}
    ></mais-calendar>`,
  );
}

const cell = (el: MaisCalendar, date: string) => deep(el, `[data-date="${date}"]`);
const focusedDate = () => deepActiveElement()?.getAttribute('data-date');

describe('<mais-calendar>', () => {
  it('is accessible', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
  });

  it('shows the month as an ARIA grid with weekday headers in the locale, Sunday first in en-US', async () => {
    const el = await render();
    expect(deep(el, 'h3').textContent?.trim()).to.equal('December 2026');
    expect(deep(el, 'table').getAttribute('role')).to.equal('grid');
    const headers = deepAll(el, 'th .sr-only').map((th) => th.textContent);
    expect(headers).to.deep.equal([
      'Sunday',
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
    ]);
    // 1 December 2026 is a Tuesday: two empty cells before it.
    expect(deepAll(el, 'tbody tr:first-child td').map((td) => td.textContent?.trim())).to.deep.equal([
      '',
      '',
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
  });

  it('starts weeks on Monday in Spanish, with Spanish names', async () => {
    const el = await render('es');
    expect(deep(el, 'h3').textContent?.trim()).to.equal('diciembre de 2026');
    expect(deepAll(el, 'th .sr-only')[0]!.textContent).to.equal('lunes');
    expect(cell(el, '2026-12-03').getAttribute('aria-label')).to.equal(
      'jueves, 3 de diciembre de 2026, con horarios',
    );
  });

  it('marks the days with times; the others are disabled; one day is in the tab order', async () => {
    const el = await render();
    expect(cell(el, '2026-12-03').getAttribute('part')).to.equal('day day-available');
    expect(cell(el, '2026-12-03').hasAttribute('aria-disabled')).to.equal(false);
    expect(cell(el, '2026-12-05').getAttribute('aria-disabled')).to.equal('true');
    expect(cell(el, '2026-12-05').getAttribute('part')).to.equal('day');
    expect(cell(el, '2026-12-03').getAttribute('aria-label')).to.equal(
      'Thursday, December 3, 2026, times available',
    );
    const tabbable = deepAll(el, 'td[tabindex="0"]').map((td) => td.dataset.date);
    expect(tabbable).to.deep.equal(['2026-12-03']);
  });

  it('moves with arrows, Home and End, and picks with Enter', async () => {
    const el = await render();
    cell(el, '2026-12-03').focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedDate()).to.equal('2026-12-04');
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedDate()).to.equal('2026-12-11');
    await sendKeys({ press: 'ArrowLeft' });
    expect(focusedDate()).to.equal('2026-12-10');
    await sendKeys({ press: 'ArrowUp' });
    expect(focusedDate()).to.equal('2026-12-03');
    await sendKeys({ press: 'Home' });
    expect(focusedDate()).to.equal('2026-12-01'); // the row's Sunday is in November: Home stays in the month
    await sendKeys({ press: 'End' });
    expect(focusedDate()).to.equal('2026-12-05');
    await sendKeys({ press: 'ArrowLeft' });
    // The roving tabindex follows focus.
    expect(deepAll(el, 'td[tabindex="0"]').map((td) => td.dataset.date)).to.deep.equal(['2026-12-04']);
    await sendKeys({ press: 'ArrowLeft' });
    const picked = oneEvent(el, 'day-select');
    await sendKeys({ press: 'Enter' });
    expect((await picked).detail).to.deep.equal({ date: '2026-12-03' });
  });

  it('does not pick a day without times', async () => {
    const el = await render();
    let picked = false;
    el.addEventListener('day-select', () => (picked = true));
    cell(el, '2026-12-05').click();
    cell(el, '2026-12-05').focus();
    await sendKeys({ press: 'Enter' });
    expect(picked).to.equal(false);
  });

  it('changes month with PageDown and PageUp (and arrows past the edge), not before this month', async () => {
    const el = await render();
    cell(el, '2026-12-31').focus();
    const changed = oneEvent(el, 'month-change');
    await sendKeys({ press: 'ArrowRight' });
    expect((await changed).detail).to.deep.equal({ month: '2027-01' });
    await el.updateComplete;
    expect(focusedDate()).to.equal('2027-01-01');
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(el.month).to.equal('2027-02');
    expect(focusedDate()).to.equal('2027-02-01');
    await sendKeys({ press: 'PageUp' });
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(el.month).to.equal('2026-12');
    expect(focusedDate()).to.equal('2026-12-01');
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(el.month).to.equal('2026-12');
    expect(deep<HTMLButtonElement>(el, 'button[aria-label="Previous month"]').disabled).to.equal(true);
  });

  it('shows no availability while loading', async () => {
    const el = await render();
    el.loading = true;
    await el.updateComplete;
    expect(deep(el, 'table').getAttribute('aria-busy')).to.equal('true');
    expect(cell(el, '2026-12-03').getAttribute('aria-disabled')).to.equal('true');
  });
});
