/** The platform's SHA-256 and zlib (Node's, plugged in by the CLI) and the portable ones give the same results. */
import { createHash } from "crypto";
import * as zlib from "zlib";
import { deflateRawSync, inflateRawSync } from "zlib";
import { deflateSync, inflateSync } from "fflate";
import { sha256 } from "@noble/hashes/sha256";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import { sha256Hex, useSha256 } from "../src/domain/hash";
import { crc32 } from "../src/xlsx/zip";

const TEXTS = ["", "abc", "Realisatie|12|€ 1.234,56|Ĳsselmuiden", "x".repeat(100_000)];

test("the portable digests, then Node's plugged in: the same hex for every text", () => {
  // known answer for "abc" (FIPS 180-2, appendix B.1)
  expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const portable = TEXTS.map(sha256Hex);
  expect(portable).toEqual(TEXTS.map((t) => bytesToHex(sha256(utf8ToBytes(t)))));
  useSha256((t) => createHash("sha256").update(t, "utf8").digest("hex"));
  expect(TEXTS.map(sha256Hex)).toEqual(portable);
});

test("Node's zlib plugged into the file layer reads and writes the same DEFLATE streams as fflate", () => {
  const data = new TextEncoder().encode("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>".repeat(5000) + "€ Ĳ");
  // each inflater reads what the other deflater wrote
  expect(Buffer.from(inflateRawSync(deflateSync(data, { level: 6 }))).equals(Buffer.from(data))).toBe(true);
  expect(Buffer.from(inflateSync(deflateRawSync(data, { level: 1 }))).equals(Buffer.from(data))).toBe(true);
});

test("Node's CRC-32, when it has one, gives the zip format's CRC-32 that the file layer computes itself", () => {
  const nodeCrc = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
  const data = new TextEncoder().encode("<c r=\"A1\"><v>1</v></c>".repeat(3000) + "€ Ĳ");
  // known answer: CRC-32 of "123456789" is 0xCBF43926 (the zip format's check value)
  expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  const portable = crc32(data);
  if (!nodeCrc) return; // Node before 20.15: the CLI keeps the portable one
  expect(nodeCrc(new TextEncoder().encode("123456789")) >>> 0).toBe(0xcbf43926);
  expect(nodeCrc(data) >>> 0).toBe(portable);
});
