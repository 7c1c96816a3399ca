import { BlockList, isIP } from 'node:net';

/**
 * Where webhooks may be sent (server-side request forgery guard). A tenant chooses the URL, and
 * our servers call it: in production it must be https and must not reach our own network, so no
 * private, loopback, link-local, shared (CGNAT), multicast or reserved address, checked on the
 * literal at creation and on every address a name resolves to at each attempt and each redirect
 * (webhook-sender.ts connects to the address it checked, so a name cannot resolve twice).
 * Development (`npm start`, any NODE_ENV but production) allows http and every address, for
 * testing against a local receiver.
 */

const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

/** IPv4 carried in IPv6 (::ffff:a.b.c.d, the NAT64 64:ff9b::/96), as IPv4: checked as such. */
function embeddedIpv4(address: string): string | null {
  const match = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(
    address,
  );
  if (!match) return null;
  if (match[1]) return match[1];
  const high = Number.parseInt(match[2]!, 16);
  const low = Number.parseInt(match[3]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** True for an address on the public internet; false for ours and everything special. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return false;
  if (family === 6) {
    const v4 = embeddedIpv4(bare);
    if (v4) return !BLOCKED.check(v4, 'ipv4');
    return !BLOCKED.check(bare, 'ipv6');
  }
  return !BLOCKED.check(bare, 'ipv4');
}

export interface TargetPolicy {
  /** Production: https only, public addresses only. */
  strict: boolean;
}

export function targetPolicyOf(config: { NODE_ENV?: string | undefined }): TargetPolicy {
  return { strict: config.NODE_ENV === 'production' };
}

/** Why a URL cannot be an endpoint under the policy, or null when it can (before DNS). */
export function targetUrlProblem(raw: string, policy: TargetPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) URL';
  if (url.username || url.password) return 'must not carry a user name or password';
  if (!policy.strict) return null;
  if (url.protocol !== 'https:') return 'must be https';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && !isPublicAddress(host))
    return 'must not point to a private, loopback or reserved address';
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.internal') ||
    host.endsWith('.local')
  )
    return 'must not point to a local host name';
  return null;
}
