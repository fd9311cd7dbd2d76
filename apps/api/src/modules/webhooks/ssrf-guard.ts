import { BadRequestException } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

// Never reachable, whatever the configuration: link-local and the clouds' metadata services (SPEC §11).
const ALWAYS_REFUSED = new BlockList();
ALWAYS_REFUSED.addSubnet('169.254.0.0', 16, 'ipv4');
ALWAYS_REFUSED.addSubnet('fe80::', 10, 'ipv6');
ALWAYS_REFUSED.addAddress('fd00:ec2::254', 'ipv6');
ALWAYS_REFUSED.addAddress('168.63.129.16', 'ipv4');
ALWAYS_REFUSED.addAddress('100.100.100.200', 'ipv4');

// Refused unless WEBHOOK_ALLOW_PRIVATE: loopback, private, shared and unspecified ranges.
const PRIVATE = new BlockList();
for (const [network, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['198.18.0.0', 15]] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
PRIVATE.addAddress('::', 'ipv6');
PRIVATE.addAddress('::1', 'ipv6');
PRIVATE.addSubnet('fc00::', 7, 'ipv6');

export interface PinnedAddress {
  address: string;
  family: 4 | 6;
}

/** Why a webhook URL may not be called, or null. Only http(s). */
export function urlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'url must be an absolute http(s) URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'url must use http or https';
  if (parsed.username || parsed.password) return 'url must not carry credentials';
  return null;
}

/**
 * Resolves the URL's host once and checks the address that will be connected to; the caller
 * connects to exactly this address (pinned), so a DNS answer cannot change between check and use.
 */
export async function resolveWebhookTarget(url: URL, allowPrivate: boolean): Promise<PinnedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let resolved: PinnedAddress;
  if (isIP(host)) {
    resolved = { address: host, family: isIP(host) as 4 | 6 };
  } else {
    try {
      const answer = await lookup(host, { verbatim: true });
      resolved = { address: answer.address, family: answer.family as 4 | 6 };
    } catch {
      throw new BadRequestException(`The host ${host} cannot be resolved`);
    }
  }
  const { address, family } = unmapped(resolved);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (ALWAYS_REFUSED.check(address, type)) throw new BadRequestException('Webhooks may not call link-local or cloud metadata addresses');
  if (!allowPrivate && PRIVATE.check(address, type)) throw new BadRequestException('Webhooks may not call private or loopback addresses');
  return { address, family };
}

// ::ffff:10.0.0.1 is 10.0.0.1: judged, and connected to, as IPv4.
function unmapped(target: PinnedAddress): PinnedAddress {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(target.address);
  return mapped ? { address: mapped[1], family: 4 } : target;
}
