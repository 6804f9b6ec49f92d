/**
 * Reading the fingerprint back from a PDF's document information, in the forms other PDF tools write it
 * when they re-save or sign a document: a literal or hex string (also UTF-16 with BOM), an indirect object,
 * an object stream compressed with Flate (PDF 1.5+), and an incremental update that appends a newer
 * dictionary. The PDFs are written out by hand here, byte for byte.
 */
import { deflateSync } from "node:zlib";
import { fingerprintFromPdf } from "../src/pdf/read";

const FP = "d610aabc46fb61c43505cd05444eeb975090133491e6b1b52a0de477936ebce7";
const OTHER = "0".repeat(63) + "1";
const pdf = (body: string) => Buffer.from(`%PDF-1.7\n%\xe2\xe3\xcf\xd3\n${body}\n%%EOF\n`, "latin1");
const utf16hex = (s: string) => "FEFF" + [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, "0")).join("");

describe("fingerprintFromPdf", () => {
  test("a literal string in the trailer's Info dictionary", () => {
    expect(fingerprintFromPdf(pdf(`1 0 obj\n<< /Title (Addendum) /Vingerafdruk (${FP}) >>\nendobj`))).toBe(FP);
  });

  test("an indirect object, as pdfmake/pdfkit write it", () => {
    expect(fingerprintFromPdf(pdf(`7 0 obj\n(${FP})\nendobj\n1 0 obj\n<< /Vingerafdruk 7 0 R >>\nendobj`))).toBe(FP);
  });

  test("a hex string, plain or UTF-16BE with a byte order mark, in capitals", () => {
    const hex = Buffer.from(FP, "latin1").toString("hex").toUpperCase();
    expect(fingerprintFromPdf(pdf(`1 0 obj\n<< /Vingerafdruk <${hex}> >>\nendobj`))).toBe(FP);
    expect(fingerprintFromPdf(pdf(`1 0 obj\n<< /Vingerafdruk <${utf16hex(FP.toUpperCase())}> >>\nendobj`))).toBe(FP);
  });

  test("inside a compressed object stream", () => {
    const inner = Buffer.from(`<< /Producer (tool) /Vingerafdruk (${FP}) >>`, "latin1");
    const z = deflateSync(inner);
    const bytes = Buffer.concat([
      Buffer.from(`%PDF-1.7\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${z.length} >>\nstream\n`, "latin1"),
      z,
      Buffer.from("\nendstream\nendobj\n%%EOF\n", "latin1"),
    ]);
    expect(fingerprintFromPdf(bytes)).toBe(FP);
  });

  test("an incremental update: the newest dictionary wins", () => {
    expect(fingerprintFromPdf(pdf(`1 0 obj\n<< /Vingerafdruk (${OTHER}) >>\nendobj\n%%EOF\n1 0 obj\n<< /Vingerafdruk (${FP}) >>\nendobj`))).toBe(FP);
  });

  test("no fingerprint, a wrong one, or not a PDF: null", () => {
    expect(fingerprintFromPdf(pdf(`1 0 obj\n<< /Title (Addendum) >>\nendobj`))).toBeNull();
    expect(fingerprintFromPdf(pdf(`1 0 obj\n<< /Vingerafdruk (${FP.slice(1)}) >>\nendobj`))).toBeNull();
    expect(fingerprintFromPdf(Buffer.from(`PK\x03\x04 /Vingerafdruk (${FP})`, "latin1"))).toBeNull();
  });
});
