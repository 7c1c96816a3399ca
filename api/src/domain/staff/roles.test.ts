import { describe, expect, it } from 'vitest';
import { fromDbRole, mayCall, toDbRole } from './roles.ts';

describe('mayCall', () => {
  it('lets each role call routes at or below its level', () => {
    expect(mayCall('owner', 'owner')).toBe(true);
    expect(mayCall('owner', 'provider')).toBe(true);
    expect(mayCall('manager', 'manager')).toBe(true);
    expect(mayCall('manager', 'owner')).toBe(false);
    expect(mayCall('provider', 'provider')).toBe(true);
    expect(mayCall('provider', 'manager')).toBe(false);
  });

  it('needs a manager when the route declares nothing', () => {
    expect(mayCall('provider', undefined)).toBe(false);
    expect(mayCall('manager', undefined)).toBe(true);
  });

  it('maps roles to the database spelling and back', () => {
    expect(toDbRole('provider')).toBe('PROVIDER');
    expect(fromDbRole('OWNER')).toBe('owner');
  });
});
