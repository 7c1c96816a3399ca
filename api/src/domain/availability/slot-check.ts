import { generateSlots, type SlotQuery } from './slots.ts';

/**
 * How many seats `providerId` has left at exactly `start` by the slot engine,
 * or null when they do not offer that time at all (closed, off the grid,
 * outside notice or window, or busy). `query` should cover [start, start + 1).
 */
export function seatsOfferedAt(query: SlotQuery, providerId: string, start: number): number | null {
  const provider = query.providers.find((p) => p.id === providerId);
  if (!provider) return null;
  const slot = generateSlots({ ...query, providers: [provider] }).find((s) => s.start === start);
  return slot ? slot.seatsLeft : null;
}
