import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
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
    // The Spanish texts may arrive after the first render (the languages other than English load apart).
    const label = () => cell(el, '2026-12-03').getAttribute('aria-label');
    await waitUntil(() => label() === 'jueves, 3 de diciembre de 2026, con horarios', `label: ${label()}`);
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
    expect(deep(el, 'button[aria-label="Previous month"]').getAttribute('aria-disabled')).to.equal('true');
  });

  describe('booking window', () => {
    // From 10 December 2026 (min, after today) to 15 February 2027 (max).
    function renderWindow(
      month = '2027-02',
      available = ['2026-12-09', '2026-12-10', '2027-02-15', '2027-02-16'],
    ) {
      return fixture<MaisCalendar>(
        html`<mais-calendar
          month=${month}
          today="2026-12-01"
          min="2026-12-10"
          max="2027-02-15"
          locale="en-US"
          .available=${available}
        ></mais-calendar>`,
      );
    }
    const nav = (el: MaisCalendar, label: 'Previous month' | 'Next month') =>
      deep<HTMLButtonElement>(el, `button[aria-label="${label}"]`);
    const monthChanges = (el: MaisCalendar) => {
      const months: string[] = [];
      el.addEventListener('month-change', (event) =>
        months.push((event as CustomEvent<{ month: string }>).detail.month),
      );
      return months;
    };

    it('is accessible at its end, where the next month button is disabled and keeps focus', async () => {
      const el = await renderWindow();
      await expect(el).to.be.accessible();
      expect(nav(el, 'Next month').getAttribute('aria-disabled')).to.equal('true');
      expect(nav(el, 'Previous month').hasAttribute('aria-disabled')).to.equal(false);
      const months = monthChanges(el);
      nav(el, 'Next month').focus();
      nav(el, 'Next month').click();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.month).to.equal('2027-02');
      expect(months).to.deep.equal([]);
      expect(deepActiveElement()).to.equal(nav(el, 'Next month'));
    });

    it('disables the previous month button at its start (min, later than today)', async () => {
      const el = await renderWindow('2027-01');
      expect(nav(el, 'Previous month').hasAttribute('aria-disabled')).to.equal(false);
      expect(nav(el, 'Next month').hasAttribute('aria-disabled')).to.equal(false);
      nav(el, 'Previous month').click();
      await el.updateComplete;
      expect(el.month).to.equal('2026-12');
      expect(nav(el, 'Previous month').getAttribute('aria-disabled')).to.equal('true');
      const months = monthChanges(el);
      nav(el, 'Previous month').click();
      await el.updateComplete;
      expect(el.month).to.equal('2026-12');
      expect(months).to.deep.equal([]);
    });

    it('shows the days outside it without times, and does not pick them', async () => {
      const el = await renderWindow();
      expect(cell(el, '2027-02-15').getAttribute('part')).to.equal('day day-available');
      expect(cell(el, '2027-02-16').getAttribute('part')).to.equal('day');
      expect(cell(el, '2027-02-16').getAttribute('aria-disabled')).to.equal('true');
      expect(cell(el, '2027-02-16').classList.contains('day--open')).to.equal(false);
      expect(cell(el, '2027-02-16').getAttribute('aria-label')).to.equal(
        'Tuesday, February 16, 2027, no times',
      );
      const picked: string[] = [];
      el.addEventListener('day-select', (event) =>
        picked.push((event as CustomEvent<{ date: string }>).detail.date),
      );
      cell(el, '2027-02-16').click();
      el.month = '2026-12';
      await el.updateComplete;
      expect(cell(el, '2026-12-09').getAttribute('aria-disabled')).to.equal('true');
      expect(cell(el, '2026-12-10').getAttribute('part')).to.equal('day day-available');
      cell(el, '2026-12-09').click();
      expect(picked).to.deep.equal([]);
      // The default tab stop is the first open day, not the 9th before the window.
      expect(deepAll(el, 'td[tabindex="0"]').map((td) => td.dataset.date)).to.deep.equal(['2026-12-10']);
    });

    it('keeps PageDown, Shift+PageDown and the arrows inside its last day', async () => {
      const el = await renderWindow('2027-01', []);
      const months = monthChanges(el);
      cell(el, '2027-01-20').focus();
      await sendKeys({ press: 'PageDown' }); // 20 February is past the end: its last day
      await el.updateComplete;
      expect(el.month).to.equal('2027-02');
      expect(focusedDate()).to.equal('2027-02-15');
      for (const key of ['PageDown', 'ArrowRight', 'ArrowDown', 'Shift+PageDown']) {
        await sendKeys({ press: key });
        await el.updateComplete;
        expect(focusedDate(), key).to.equal('2027-02-15');
      }
      expect(el.month).to.equal('2027-02');
      expect(months).to.deep.equal(['2027-02']);
    });

    it('keeps PageUp and the arrows inside its first day', async () => {
      const el = await renderWindow('2027-01', []);
      cell(el, '2027-01-05').focus();
      await sendKeys({ press: 'PageUp' }); // 5 December is before min: min
      await el.updateComplete;
      expect(el.month).to.equal('2026-12');
      expect(focusedDate()).to.equal('2026-12-10');
      for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp', 'Home']) {
        await sendKeys({ press: key });
        await el.updateComplete;
        expect(focusedDate(), key).to.equal('2026-12-10');
      }
      expect(el.month).to.equal('2026-12');
    });
  });

  it('shows no availability while loading', async () => {
    const el = await render();
    el.loading = true;
    await el.updateComplete;
    expect(deep(el, 'table').getAttribute('aria-busy')).to.equal('true');
    expect(cell(el, '2026-12-03').getAttribute('aria-disabled')).to.equal('true');
  });
});
