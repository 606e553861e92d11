import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key a per-address limit counts under. An IPv6 host usually holds a whole /64, so one
 * attacker could otherwise take a fresh address for every guess; the /64 is what counts.
 * IPv4 addresses (also written as ::ffff:a.b.c.d) count one by one.
 */
export function addressKey(address: string | undefined | null): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return 'unknown';
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]!.toLowerCase().split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((g) => g.replace(/^0+(?=.)/, ''));
}
