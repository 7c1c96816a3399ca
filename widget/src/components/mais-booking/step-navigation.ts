import type { MaisBooking, Step } from './mais-booking.component.ts';

/** The step the Back button returns to, or null on the first step. */
export function previousStep(host: MaisBooking): Step | null {
  const { chosen, service, provider } = host;
  const serviceFixed = Boolean(service) && chosen?.id === service;
  const providerChoice =
    !chosen?.providers.some((candidate) => candidate.id === provider) && (chosen?.providers.length ?? 0) > 1;
  switch (host.step) {
    case 'providers':
      return serviceFixed ? null : 'services';
    case 'date':
      if (host.mode === 'manage') return 'manage';
      return providerChoice ? 'providers' : serviceFixed ? null : 'services';
    case 'time':
      return 'date';
    case 'details':
    case 'move':
      return 'time';
    case 'cancel':
      return 'manage';
    default:
      return null;
  }
}

export function back(host: MaisBooking): void {
  const step = previousStep(host);
  if (step === 'date') host.openCalendar();
  else if (step) host.go(step);
}
