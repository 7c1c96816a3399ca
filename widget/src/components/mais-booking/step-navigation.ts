import type { MaisBooking, Step } from './mais-booking.component.ts';

/** The step the Back button returns to, or null on the first step. */
export function previousStep(host: MaisBooking): Step | null {
  switch (host.step) {
    case 'schedule': {
      if (host.mode === 'manage') return 'manage';
      const serviceFixed = Boolean(host.service) && host.chosen?.id === host.service;
      return serviceFixed || host.services.length <= 1 ? null : 'services';
    }
    case 'details':
    case 'move':
      return 'schedule';
    case 'cancel':
      return 'manage';
    default:
      return null;
  }
}

export function back(host: MaisBooking): void {
  const step = previousStep(host);
  if (step) host.go(step);
}
