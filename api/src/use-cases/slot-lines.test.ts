import { describe, expect, it } from 'vitest';
import { inSlotLine } from './slot-lines.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('inSlotLine', () => {
  it('runs requests of one slot one at a time, in arrival order', async () => {
    const order: string[] = [];
    let running = 0;
    await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        inSlotLine('slot', async () => {
          running++;
          expect(running).toBe(1);
          order.push(`start ${name}`);
          await tick();
          order.push(`end ${name}`);
          running--;
        }),
      ),
    );
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('tells those already in line that the slot was taken, and nobody who comes later', async () => {
    const seen: Array<[string, boolean]> = [];
    const first = inSlotLine('slot', async (place) => {
      seen.push(['first', place.takenAhead]);
      await tick();
      place.markTaken();
    });
    const waiting = inSlotLine('slot', async (place) => {
      seen.push(['waiting', place.takenAhead]);
    });
    await Promise.all([first, waiting]);
    // The line emptied: a newcomer checks for itself.
    await inSlotLine('slot', async (place) => {
      seen.push(['later', place.takenAhead]);
    });
    expect(seen).toEqual([
      ['first', false],
      ['waiting', true],
      ['later', false],
    ]);
  });

  it('does not tell a request that joined after the commit, even while others still wait', async () => {
    const seen: Array<[string, boolean]> = [];
    let joinLate!: () => void;
    const lateJoined = new Promise<void>((resolve) => (joinLate = resolve));
    const head = inSlotLine('slot', async (place) => {
      place.markTaken();
      joinLate();
      await tick();
    });
    const early = inSlotLine('slot', async (place) => {
      seen.push(['early', place.takenAhead]);
      await tick();
    });
    await lateJoined;
    const late = inSlotLine('slot', async (place) => {
      seen.push(['late', place.takenAhead]);
    });
    await Promise.all([head, early, late]);
    expect(seen).toEqual([
      ['early', true],
      ['late', false],
    ]);
  });

  it('keeps other slots apart and lets a failed head pass the turn on', async () => {
    const results = await Promise.allSettled([
      inSlotLine('x', async () => {
        throw new Error('boom');
      }),
      inSlotLine('x', async (place) => place.takenAhead),
      inSlotLine('y', async (place) => place.takenAhead),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect((results[1] as PromiseFulfilledResult<boolean>).value).toBe(false);
  });
});
