#!/usr/bin/env node
// Draws the add-in's icons (a report sheet with a ceiling line) as PNG files in assets/, with Node only.
// Run: node scripts/make-icons.js  (the PNGs are committed; this script documents how they were made)
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5, size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

const NAVY = [31, 56, 100, 255];
const WHITE = [255, 255, 255, 255];
const LINE = [142, 169, 219, 255];
const GOLD = [255, 192, 0, 255];
const CLEAR = [0, 0, 0, 0];

function pixel(x, y, s) {
  const u = x / s, v = y / s;
  // rounded square background
  const r = 0.18, cx = Math.min(Math.max(u, r), 1 - r), cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return CLEAR;
  // the sheet
  if (u > 0.22 && u < 0.78 && v > 0.16 && v < 0.84) {
    if (Math.abs(v - 0.34) < 0.035 && u > 0.22) return GOLD; // the ceiling
    for (const row of [0.5, 0.62, 0.74]) if (Math.abs(v - row) < 0.022 && u > 0.3 && u < 0.7) return LINE;
    return WHITE;
  }
  return NAVY;
}

const out = path.join(__dirname, "..", "assets");
fs.mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(out, `icon-${size}.png`), png(size, pixel));
fs.writeFileSync(path.join(out, "logo-filled.png"), png(300, pixel));
console.log("icons written to assets/");
