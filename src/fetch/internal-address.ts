/**
 * Which addresses belong to an internal network rather than the open internet: loopback, private
 * networks, link-local (a cloud's metadata service at 169.254.169.254), carrier-grade NAT,
 * unspecified, multicast, and the IPv6 forms that carry an IPv4 address (::ffff:127.0.0.1). An
 * address that a page or a content file names may not reach one of them: the link checker in CI
 * would probe the runner's own network, the importer a service on the editor's own machine. The
 * ranges are ipaddr.js's, the library Express uses for the same question, not written out here.
 */
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/** The IP address a URL's host is written as ("[::1]" → "::1"), or undefined for a name. */
export function ipOfHost(hostname: string): string | undefined {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : undefined;
}

/** The range of an address that is not on the open internet ("loopback", "private", …); undefined for a public one. */
export function internalRange(address: string): string | undefined {
  // process() reads an IPv4-mapped IPv6 address as the IPv4 address it carries.
  const range = ipaddr.process(address).range();
  return range === "unicast" ? undefined : range;
}

/** A request refused before it was made: the host is, or its name resolves to, an address in an internal network. */
export class InternalAddress extends Error {
  readonly code = "EINTERNAL";
  /** The address as a person reads it: an IPv4-mapped IPv6 address as its IPv4 address. */
  readonly address: string;
  constructor(
    readonly host: string,
    address: string,
  ) {
    const readable = ipaddr.process(address).toString();
    super(`${host} pekar på ${readable}, en adress i ett internt nät`);
    this.name = "InternalAddress";
    this.address = readable;
  }
}
