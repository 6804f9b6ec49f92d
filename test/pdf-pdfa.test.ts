/**
 * The signing PDF is PDF/A-2b (issue 20 §3): `dvo-addendum pdf` on the bundled example, and the same
 * document with party names that would break XML metadata.
 *
 * Checked here, read back from the file (test/support/pdfa.ts): the XMP identification (pdfaid:part 2,
 * conformance B) in well-formed XMP whose title, description, producer and creator tool equal the document
 * information; an sRGB output intent (/GTS_PDFA1) with the ICC profile embedded; every font embedded; no
 * encryption; /Lang nl-NL; an /ID in the trailer; a binary header; every character of the document in the
 * embedded fonts (PDF/A-2 forbids references to .notdef); the fingerprint still read back. And Apache
 * PDFBox Preflight (Debian libpdfbox2-java), which validates PDF/A-1b: it must find nothing but the two
 * PDF/A-1-only rules, while the same document without the PDF/A settings fails it. Without Preflight (or
 * fontTools, for the .notdef check) those tests are skipped with a warning; with CI=true (or
 * DVO_REQUIRE_PREFLIGHT=1) they are required.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main } from "../src/cli/main";
import { computeResults } from "../src/domain/compute";
import type { SignOff } from "../src/records";
import { exampleWorkbook } from "../src/xlsx/example";
import { signingDocument, type Content, type DocDefinition } from "../src/pdf/document";
import { drawable, ROBOTO_RANGES } from "../src/pdf/glyphs";
import { renderPdf } from "../src/pdf/node";
import { fingerprintFromPdf } from "../src/pdf/read";
import { workedExample } from "./example-inputs";
import { iccHeader, pdfaFacts, PREFLIGHT_AVAILABLE, PREFLIGHT_PACKAGES, preflightErrors, type PdfaFacts } from "./support/pdfa";

const required = process.env.CI === "true" || process.env.DVO_REQUIRE_PREFLIGHT === "1";
if (!PREFLIGHT_AVAILABLE && required) throw new Error(`PDFBox Preflight is required here (CI): apt-get install ${PREFLIGHT_PACKAGES} (and a JRE)`);
if (!PREFLIGHT_AVAILABLE) console.warn(`PDF/A validation with Preflight SKIPPED: apt-get install ${PREFLIGHT_PACKAGES} (and a JRE).`);
const withPreflight = PREFLIGHT_AVAILABLE ? test : test.skip;
const FONTTOOLS = spawnSync("/usr/bin/python3", ["-c", "import fontTools"]).status === 0;
if (!FONTTOOLS && required) throw new Error("the .notdef check needs python3-fonttools (CI)");
if (!FONTTOOLS) console.warn("python3-fonttools missing: the .notdef check of the signing PDF is SKIPPED.");

const dir = mkdtempSync(path.join(tmpdir(), "dvo-pdfa-"));
const pdf = path.join(dir, "addendum-2025.pdf");
let facts: PdfaFacts;
let fingerprint = "";

beforeAll(async () => {
  const input = path.join(dir, "invoer.xlsx");
  await exampleWorkbook().xlsx.writeFile(input);
  const out: string[] = [];
  expect(await main(["pdf", input, "-o", pdf], { out: (s) => out.push(s), err: () => undefined })).toBe(0);
  fingerprint = /Vingerafdruk\s+([0-9a-f]{64})/.exec(out.join("\n"))?.[1] ?? "";
  facts = pdfaFacts(pdf);
});

/** Every text string of a pdfmake definition (the footer as on page 1 of 3). */
function texts(doc: DocDefinition): string[] {
  const found: string[] = [];
  const walk = (c: unknown): void => {
    if (typeof c === "string") found.push(c);
    else if (Array.isArray(c)) c.forEach(walk);
    else if (c && typeof c === "object") for (const [k, v] of Object.entries(c)) if (["text", "stack", "columns", "table", "body"].includes(k)) walk(v);
  };
  walk(doc.content);
  walk(doc.footer(1, 3) as Content);
  return found;
}

/** The Unicode code points a TrueType font maps (fontTools, as the report tests measure text). */
function cmap(font: string): Set<number> {
  const file = path.join(path.dirname(require.resolve("pdfmake/package.json")), "fonts", "Roboto", font);
  const py = "import sys\nfrom fontTools.ttLib import TTFont\nprint(' '.join(str(c) for c in TTFont(sys.argv[1])['cmap'].getBestCmap()))";
  return new Set(execFileSync("/usr/bin/python3", ["-c", py, file], { encoding: "utf8" }).trim().split(" ").map(Number));
}

describe("the signing PDF is PDF/A-2b", () => {
  test("XMP: the PDF/A identification, part 2 conformance B, in a well-formed packet", () => {
    expect(facts.xmp.part).toBe("2");
    expect(facts.xmp.conformance).toBe("B");
    expect(facts.xmpPacket).toMatch(/^<\?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"\?>/);
    expect(facts.xmpPacket).toMatch(/<\?xpacket end="w"\?>$/);
  });

  test("XMP equals the document information: title, fingerprint (description and keywords), producer, creator tool", () => {
    const title = "Addendum 2025 bij de DVO Publieksdienst Twenterand – Ommen";
    expect(facts.info.Title).toBe(title);
    expect(facts.xmp.title).toBe(title);
    expect(facts.info.Subject).toBe(`Vingerafdruk ${fingerprint}`);
    expect(facts.xmp.description).toBe(`Vingerafdruk ${fingerprint}`);
    expect(facts.xmp.keywords).toContain(fingerprint);
    expect(facts.xmp.keywords).toBe(facts.info.Keywords);
    expect(facts.xmp.producer).toBe(facts.info.Producer);
    expect(facts.xmp.creatorTool).toBe(facts.info.Creator);
    expect(facts.xmp.createDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  test("an sRGB output intent (GTS_PDFA1) with its ICC profile embedded", () => {
    expect(facts.outputIntents.length).toBe(1);
    const [intent] = facts.outputIntents;
    expect(intent.subtype).toBe("GTS_PDFA1");
    expect(intent.identifier).toBe("sRGB IEC61966-2.1");
    expect(intent.components).toBe(3);
    const icc = iccHeader(intent.profile);
    expect(icc).toMatchObject({ size: intent.profile.length, signature: "acsp", deviceClass: "mntr", colourSpace: "RGB ", pcs: "XYZ " });
    expect(icc.description).toMatch(/^sRGB/);
  });

  test("every font embedded; no encryption; /Lang nl-NL; an /ID in the trailer; a binary header", () => {
    expect(facts.fonts.length).toBeGreaterThan(0);
    for (const f of facts.fonts) expect(f).toMatchObject({ embedded: true });
    expect(facts.encrypted).toBe(false);
    expect(facts.info.Encrypted).toBe("no");
    expect(facts.lang).toBe("nl-NL");
    expect(facts.id).toHaveLength(2);
    expect(facts.id[0]).toMatch(/^[0-9a-f]{32}$/i);
    expect(facts.header).toBe("%PDF-1.7");
    expect(facts.binaryComment).toBe(true);
  });

  (FONTTOOLS ? test : test.skip)("every character of the document is in the embedded fonts (no .notdef)", () => {
    // signed for other inputs, so the warning is on the page too
    const signOff: SignOff = { status: "Ondertekend", regisseur: "J. de Vries", accounthouder: "A. Jansen", date: "1-2-2025", fingerprint: "0".repeat(64), recordedAt: "2025-02-01T10:00:00Z" };
    const doc = signingDocument(workedExample(), computeResults(workedExample()), { signOff });
    const chars = new Set([...texts(doc).join("")].map((c) => c.codePointAt(0)!));
    expect(chars.has(0x20ac)).toBe(true); // the euro sign, from the amounts
    expect(texts(doc).join("")).toContain("Let op: de invoer is veranderd");
    for (const font of ["Roboto-Regular.ttf", "Roboto-Medium.ttf"]) {
      const have = cmap(font);
      expect({ font, missing: [...chars].filter((c) => !have.has(c)).map((c) => String.fromCodePoint(c)) }).toEqual({ font, missing: [] });
    }
  });

  test("the fingerprint still reads back from the document properties", () => {
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintFromPdf(readFileSync(pdf))).toBe(fingerprint);
  });

  withPreflight("Preflight finds nothing beyond the two PDF/A-1-only rules", () => {
    expect(preflightErrors(pdf)).toEqual([]);
  });

  withPreflight("the same document without the PDF/A settings fails Preflight (the validator can fail)", async () => {
    const inputs = workedExample();
    const doc = signingDocument(inputs, computeResults(inputs));
    const plain = { ...doc, subset: undefined, version: "1.3" } as unknown as DocDefinition;
    const file = path.join(dir, "plain.pdf");
    writeFileSync(file, await renderPdf(plain));
    expect(pdfaFacts(file).outputIntents).toEqual([]);
    expect(preflightErrors(file).join("\n")).toMatch(/DestOutputProfile is missing/);
  });
});

(FONTTOOLS ? describe : describe.skip)("user text outside the font is not drawn as .notdef", () => {
  const fonts = ["Roboto-Regular.ttf", "Roboto-Medium.ttf", "Roboto-Italic.ttf", "Roboto-MediumItalic.ttf"];

  test("the font's character list in glyphs.ts is what the four Roboto files map (without control characters)", () => {
    const maps = fonts.map(cmap);
    const both = [...maps[0]].filter((c) => maps.every((m) => m.has(c)) && c >= 0x20 && !(c >= 0x7f && c < 0xa0)).sort((a, b) => a - b);
    const listed = ROBOTO_RANGES.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
    expect(listed).toEqual(both);
  });

  test("composed first, control characters as spaces, a line break kept, the rest as U+FFFD", () => {
    expect(drawable("Caf\u0065\u0301\tA\nB\u0007C")).toBe("Café A\nB C");
    expect(drawable("Medewerker 🙂 招聘 Ωμέγα Ёж")).toBe("Medewerker \ufffd \ufffd\ufffd Ωμέγα Ёж");
  });

  test("a function and signer typed with emoji and CJK: every drawn character is in the fonts, the page shows U+FFFD, Preflight passes", async () => {
    const inputs = workedExample();
    inputs.formation[0].functionName = "Medewerker 🙂 招聘 frontoffice";
    const signOff: SignOff = { status: "Ter ondertekening", regisseur: "", accounthouder: "A. Jansen 🖋", date: "", fingerprint: "", recordedAt: "2025-02-01T10:00:00Z" };
    const doc = signingDocument(inputs, computeResults(inputs), { signOff });
    const chars = [...new Set([...texts(doc).join("")].map((c) => c.codePointAt(0)!))];
    for (const font of ["Roboto-Regular.ttf", "Roboto-Medium.ttf"]) {
      const have = cmap(font);
      expect({ font, missing: chars.filter((c) => !have.has(c)).map((c) => String.fromCodePoint(c)) }).toEqual({ font, missing: [] });
    }
    const file = path.join(dir, "tekens.pdf");
    writeFileSync(file, await renderPdf(doc));
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("Medewerker \ufffd \ufffd\ufffd frontoffice");
    expect(text).toContain("A. Jansen \ufffd");
    if (PREFLIGHT_AVAILABLE) expect(preflightErrors(file)).toEqual([]);
  });
});

describe("party names with &, < and > keep the metadata well-formed", () => {
  let file = "";
  let named: PdfaFacts;
  beforeAll(async () => {
    const inputs = workedExample();
    inputs.settings.client = "Gemeente Dinkelland & Tubbergen <test>";
    file = path.join(dir, "namen.pdf");
    writeFileSync(file, await renderPdf(signingDocument(inputs, computeResults(inputs))));
    named = pdfaFacts(file);
  });

  test("the page shows the name as typed; title and author in XMP and properties alike", () => {
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("Gemeente Dinkelland & Tubbergen <test>");
    expect(named.xmp.title).toBe("Addendum 2025 bij de DVO Publieksdienst Twenterand – Dinkelland en Tubbergen ‹test›");
    expect(named.info.Title).toBe(named.xmp.title);
    expect(named.info.Author).toBe("Gemeente Twenterand / Gemeente Dinkelland en Tubbergen ‹test›");
    expect(named.xmp.part).toBe("2");
  });

  withPreflight("Preflight: nothing beyond the PDF/A-1-only rules", () => {
    expect(preflightErrors(file)).toEqual([]);
  });
});
