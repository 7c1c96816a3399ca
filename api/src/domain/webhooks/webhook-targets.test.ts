import { describe, expect, it } from 'vitest';
import { isPublicAddress, targetUrlProblem } from './webhook-targets.ts';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::10.0.0.1',
    '[::1]',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe('targetUrlProblem', () => {
  const strict = { strict: true };
  const relaxed = { strict: false };

  it('allows http and loopback in development', () => {
    expect(targetUrlProblem('http://127.0.0.1:4000/hooks', relaxed)).toBeNull();
    expect(targetUrlProblem('http://localhost/hooks', relaxed)).toBeNull();
  });

  it('asks for https and a public host in production', () => {
    expect(targetUrlProblem('https://hooks.example.com/mais', strict)).toBeNull();
    expect(targetUrlProblem('http://hooks.example.com/mais', strict)).toBe('must be https');
    expect(targetUrlProblem('https://10.0.0.5/x', strict)).toMatch(/private/);
    expect(targetUrlProblem('https://[::1]/x', strict)).toMatch(/private/);
    expect(targetUrlProblem('https://169.254.169.254/latest/meta-data', strict)).toMatch(/private/);
    expect(targetUrlProblem('https://localhost/x', strict)).toMatch(/local host name/);
  });

  it('refuses what is no http(s) URL, and credentials in it, everywhere', () => {
    expect(targetUrlProblem('ftp://example.com/', relaxed)).toMatch(/http/);
    expect(targetUrlProblem('not a url', relaxed)).toMatch(/absolute/);
    expect(targetUrlProblem('https://user:pw@example.com/', relaxed)).toMatch(/password/);
  });
});
