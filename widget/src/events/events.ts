export * from './booked.ts';
export * from './cancelled.ts';
export * from './error.ts';
export * from './paid.ts';
export * from './ready.ts';
export * from './rescheduled.ts';
export * from './slot-selected.ts';
