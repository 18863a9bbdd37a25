/**
 * The connections of one command's run. Each host name is looked up once, and every connection to
 * it goes to the addresses found then, so that a name cannot point at a public address for one
 * request and at 127.0.0.1 for the next (DNS rebinding). A request to an origin the command does not
 * trust is refused when its host is, or its name resolves to, an address in an internal network
 * (internal-address.ts). The check is made in the lookup the connection itself uses, so the address
 * checked is the address connected to, on every hop of a redirect.
 */
import { lookup, type LookupAddress } from "node:dns";
import { Agent, type Dispatcher } from "undici";
import { internalRange, InternalAddress, ipOfHost } from "./internal-address.ts";

export interface Connections {
  /** The way to `url`. Throws {@link InternalAddress} when the host is an internal address that is not trusted. */
  dispatcherFor(url: URL): Dispatcher;
  /** Ends the run's connections. */
  close(): Promise<void>;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

const notFound = (hostname: string): NodeJS.ErrnoException => Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname });

/** Opens the connections of a run; `trusted` says which addresses may reach an internal network (those the user named). */
export function openConnections(trusted: (url: URL) => boolean): Connections {
  const found = new Map<string, Promise<LookupAddress[]>>();
  const addressesOf = (hostname: string): Promise<LookupAddress[]> => {
    let addresses = found.get(hostname);
    if (!addresses) {
      addresses = new Promise((resolve, reject) => lookup(hostname, { all: true }, (error, list) => (error ? reject(error) : resolve(list))));
      found.set(hostname, addresses);
    }
    return addresses;
  };
  const lookupFor =
    (guarded: boolean) =>
    (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void => {
      addressesOf(hostname)
        .then((addresses) => {
          // One internal address among public ones is enough to refuse: which one is used is not ours to choose.
          const internal = guarded ? addresses.find(({ address }) => internalRange(address)) : undefined;
          if (internal) throw new InternalAddress(hostname, internal.address);
          const family = Number(String(options.family ?? 0).replace(/\D/g, "")) || 0;
          const usable = family ? addresses.filter((address) => address.family === family) : addresses;
          if (usable.length === 0) throw notFound(hostname);
          if (options.all) callback(null, usable);
          else callback(null, usable[0]!.address, usable[0]!.family);
        })
        .catch((error: NodeJS.ErrnoException) => callback(error, ""));
    };
  const open = new Agent({ connect: { lookup: lookupFor(false) } });
  const guarded = new Agent({ connect: { lookup: lookupFor(true) } });
  return {
    dispatcherFor(url) {
      if (trusted(url)) return open;
      const ip = ipOfHost(url.hostname);
      if (ip && internalRange(ip)) throw new InternalAddress(url.hostname, ip);
      return guarded;
    },
    async close() {
      await Promise.all([open.close(), guarded.close()]);
    },
  };
}
