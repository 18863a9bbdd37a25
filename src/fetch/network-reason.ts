/**
 * Why a request got no answer, in Swedish, from Node's network error codes: the words the link
 * checker, the importer and the harvest all report.
 */
import { InternalAddress } from "./internal-address.ts";

/** "anslutningen nekades", "svarade inte inom 10 s", "pekar på en adress i ett internt nät (127.0.0.1)". */
export function networkReason(error: unknown, timeoutMs: number): string {
  const internal = internalAddressOf(error);
  if (internal) return `pekar på en adress i ett internt nät (${internal.address})`;
  const { name, cause } = error as { name?: string; cause?: { code?: string; name?: string } };
  if (name === "TimeoutError" || cause?.name === "TimeoutError") return `svarade inte inom ${timeoutMs / 1000} s`;
  switch (cause?.code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "adressen finns inte (namnet går inte att slå upp)";
    case "ECONNREFUSED":
      return "anslutningen nekades";
    case "ECONNRESET":
      return "anslutningen bröts";
    default:
      return `gick inte att nå (${cause?.code ?? (error as Error).message})`;
  }
}

/** The internal address a request was refused for, if that is why it failed. */
export function internalAddressOf(error: unknown): InternalAddress | undefined {
  const { cause } = error as { cause?: unknown };
  return error instanceof InternalAddress ? error : cause instanceof InternalAddress ? cause : undefined;
}
