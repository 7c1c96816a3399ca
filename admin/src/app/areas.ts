import type { StaffRole } from '@mais/sdk';
import type { AreaId } from './routes.ts';

/**
 * The console's areas, in the navigation's order: the element that draws each, which roles see
 * it (the API enforces the same roles on every call), and the module that defines it, loaded the
 * first time the area is opened so the first page carries only the shell and one area.
 */
export interface AreaEntry {
  id: AreaId;
  label: string;
  tag: string;
  roles: readonly StaffRole[];
  load: () => Promise<unknown>;
}

const everyone = ['owner', 'manager', 'provider'] as const;
const managers = ['owner', 'manager'] as const;

export const AREAS: readonly AreaEntry[] = [
  {
    id: 'today',
    label: 'Today',
    tag: 'mais-today-area',
    roles: everyone,
    load: () => import('../areas/today/today-area.ts'),
  },
  {
    id: 'calendar',
    label: 'Calendar',
    tag: 'mais-calendar-area',
    roles: everyone,
    load: () => import('../areas/calendar/calendar-area.ts'),
  },
  {
    id: 'appointments',
    label: 'Appointments',
    tag: 'mais-appointments-area',
    roles: everyone,
    load: () => import('../areas/appointments/appointments-area.ts'),
  },
  {
    id: 'clients',
    label: 'Clients',
    tag: 'mais-clients-area',
    roles: managers,
    load: () => import('../areas/clients/clients-area.ts'),
  },
  {
    id: 'services',
    label: 'Services',
    tag: 'mais-services-area',
    roles: managers,
    load: () => import('../areas/services/services-area.ts'),
  },
  {
    id: 'providers',
    label: 'Providers',
    tag: 'mais-providers-area',
    roles: everyone,
    load: () => import('../areas/providers/providers-area.ts'),
  },
  {
    id: 'resources',
    label: 'Resources',
    tag: 'mais-resources-area',
    roles: managers,
    load: () => import('../areas/resources/resources-area.ts'),
  },
  {
    id: 'reports',
    label: 'Reports',
    tag: 'mais-reports-area',
    roles: managers,
    load: () => import('../areas/reports/reports-area.ts'),
  },
  {
    id: 'settings',
    label: 'Settings',
    tag: 'mais-settings-area',
    roles: managers,
    load: () => import('../areas/settings/settings-area.ts'),
  },
];

export function areaEntry(id: AreaId): AreaEntry {
  return AREAS.find((area) => area.id === id)!;
}
