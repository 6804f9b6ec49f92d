/**
 * SHA-256 of a text (UTF-8) as hex, for the fingerprint and the input snapshot. Portable by default
 * (@noble/hashes, synchronous in the browser too); a host that has the platform's own implementation
 * plugs it in with `useSha256` — the CLI uses Node's, which gives the same digests several times faster
 * (the snapshot hashes every input row).
 */
import { sha256 } from "@noble/hashes/sha256";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";

export type Sha256Hex = (text: string) => string;

let impl: Sha256Hex = (text) => bytesToHex(sha256(utf8ToBytes(text)));

export function sha256Hex(text: string): string {
  return impl(text);
}

/** Replace the implementation (it must give the same digests). */
export function useSha256(fn: Sha256Hex): void {
  impl = fn;
}
