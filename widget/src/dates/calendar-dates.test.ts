import { expect } from '@open-wc/testing';
import { addDays, addMonths, daysInMonth, monthWeeks, shiftMonths, weekday } from './calendar-dates.ts';
import { dateInZone } from './zones.ts';

describe('calendar dates', () => {
  it('adds days and months across year ends and leap days', () => {
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addDays('2028-03-01', -1)).to.equal('2028-02-29');
    expect(addMonths('2026-12', 1)).to.equal('2027-01');
    expect(addMonths('2026-01', -1)).to.equal('2025-12');
    expect(addMonths('2026-05', 14)).to.equal('2027-07');
    expect(shiftMonths('2027-01-31', 1)).to.equal('2027-02-28');
    expect(shiftMonths('2028-03-31', -1)).to.equal('2028-02-29');
    expect(daysInMonth('2028-02')).to.equal(29);
    expect(daysInMonth('2026-04')).to.equal(30);
  });

  it('lays a month out in weeks from the given first weekday', () => {
    expect(weekday('2026-03-01')).to.equal(0); // a Sunday
    const mondayFirst = monthWeeks('2026-03', 1);
    expect(mondayFirst[0]).to.deep.equal([null, null, null, null, null, null, '2026-03-01']);
    expect(mondayFirst.at(-1)).to.deep.equal(['2026-03-30', '2026-03-31', null, null, null, null, null]);
    const sundayFirst = monthWeeks('2026-03', 0);
    expect(sundayFirst[0]![0]).to.equal('2026-03-01');
    expect(sundayFirst).to.have.length(5);
  });

  it("finds an instant's date in a zone (across the date line)", () => {
    const instant = new Date('2026-06-30T23:30:00Z');
    expect(dateInZone(instant, 'UTC')).to.equal('2026-06-30');
    expect(dateInZone(instant, 'Europe/Madrid')).to.equal('2026-07-01');
    expect(dateInZone(instant, 'Pacific/Honolulu')).to.equal('2026-06-30');
  });
});
