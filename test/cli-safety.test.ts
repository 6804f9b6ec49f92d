/**
 * Nothing overwritten by surprise (issue 9, item 4), through the real command line (`main()`, output
 * captured) on real files: an existing output is refused unless --overschrijven; a folder, a missing folder
 * or the input itself as output is one Dutch sentence with exit 1; argument errors are Dutch with exit 2;
 * and the bundled example (`npm run report`) can be run again and again.
 */
import { createHash } from "node:crypto";
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { runCli as run } from "./support/cli";
import { exampleWorkbook } from "../src/xlsx/example";

const dir = mkdtempSync(path.join(tmpdir(), "dvo-cli-safety-"));
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
const at = (name: string) => path.join(dir, name);

/** The first line of stderr without the progress lines: the one sentence the user reads. */
const message = (r: { err: string }) => r.err.split("\n").filter((l) => !l.startsWith("[") && !l.startsWith("Voorbeeldinvoer") && l.trim() !== "")[0] ?? "";

/** No English from node's parseArgs or the file system, no stack, no "Onverwachte fout". */
const ENGLISH = /Unknown option|argument|ambiguous|Did you|does not take|positional|Error|ENOENT|EISDIR|EACCES|Onverwachte fout|undefined|at .*\.[jt]s/;

const input = at("invoer.xlsx");
beforeAll(async () => {
  await exampleWorkbook().xlsx.writeFile(input);
}, 60_000);

/** A file that exists before the command runs, with known bytes. */
function existing(name: string): { file: string; before: string } {
  const file = at(name);
  writeFileSync(file, `al aanwezig: ${name}\n`);
  return { file, before: sha(file) };
}

describe("an existing output file is refused unless --overschrijven", () => {
  test("report -o existing: exit 2, one Dutch sentence, file untouched; with --overschrijven: replaced", async () => {
    const { file, before } = existing("rapport.xlsx");
    const r = await run(["report", input, "-o", file]);
    expect(r.code).toBe(2);
    expect(message(r)).toBe(`'${file}' bestaat al en wordt niet overschreven: kies met -o een andere naam, of geef --overschrijven om het bestand te vervangen.`);
    expect(r.err).not.toMatch(/\[1\/5\]/); // refused before any work is done
    expect(sha(file)).toBe(before);

    const again = await run(["report", input, "-o", file, "--overschrijven"]);
    expect(again.code).toBe(0);
    expect(sha(file)).not.toBe(before);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK"); // a zip package now, not our text
  }, 60_000);

  test("report without -o: the default invoer-rapport.xlsx beside the input is refused too", async () => {
    const { file, before } = existing("invoer-rapport.xlsx");
    const r = await run(["report", input]);
    expect(r.code).toBe(2);
    expect(message(r)).toContain("bestaat al");
    expect(sha(file)).toBe(before);
  });

  test("sign (both forms) and reopen refuse an existing output; --overschrijven replaces it", async () => {
    const submitted = existing("aangeboden.xlsx");
    let r = await run(["sign", input, "--accounthouder", "A. Jansen", "--ter-ondertekening", "-o", submitted.file]);
    expect([r.code, message(r)]).toEqual([2, expect.stringContaining("--overschrijven")]);
    expect(sha(submitted.file)).toBe(submitted.before);

    const signed = existing("getekend.xlsx");
    r = await run(["sign", input, "--regisseur", "J. de Vries", "--accounthouder", "A. Jansen", "-o", signed.file]);
    expect([r.code, message(r)]).toEqual([2, expect.stringContaining("bestaat al")]);
    expect(sha(signed.file)).toBe(signed.before);
    r = await run(["sign", input, "--regisseur", "J. de Vries", "--accounthouder", "A. Jansen", "-o", signed.file, "--overschrijven"]);
    expect(r.code).toBe(0);
    expect(sha(signed.file)).not.toBe(signed.before);

    const reopened = existing("heropend.xlsx");
    r = await run(["reopen", signed.file, "--door", "A. Jansen", "--reden", "formatie uitgebreid", "-o", reopened.file]);
    expect([r.code, message(r)]).toEqual([2, expect.stringContaining("bestaat al")]);
    expect(sha(reopened.file)).toBe(reopened.before);
    r = await run(["reopen", signed.file, "--door", "A. Jansen", "--reden", "formatie uitgebreid", "-o", reopened.file, "--overschrijven"]);
    expect(r.code).toBe(0);
  }, 120_000);

  test("template refuses an existing file (exit 2) and replaces it with --overschrijven", async () => {
    const { file, before } = existing("invoer-2026.xlsx");
    expect((await run(["template", "--jaar", "2026", "-o", file])).code).toBe(2);
    expect(sha(file)).toBe(before);
    expect((await run(["template", "--jaar", "2026", "-o", file, "--overschrijven"])).code).toBe(0);
    expect(sha(file)).not.toBe(before);
  }, 60_000);
});

describe("the output may never be the input, whatever the spelling", () => {
  test.each([
    ["the same path", () => input],
    ["another spelling of the path", () => path.join(dir, ".", "sub", "..", "invoer.xlsx")],
    ["a symbolic link to the input", () => {
      const link = at("koppeling.xlsx");
      if (!existsSync(link)) symlinkSync(input, link);
      return link;
    }],
    ["a hard link to the input", () => {
      const link = at("harde-koppeling.xlsx");
      if (!existsSync(link)) linkSync(input, link);
      return link;
    }],
  ])("%s: exit 1, also with --overschrijven, input unchanged", async (_, output) => {
    mkdirSync(at("sub"), { recursive: true });
    const before = sha(input);
    for (const extra of [[], ["--overschrijven"]]) {
      const r = await run(["report", input, "-o", output(), ...extra]);
      expect(r.code).toBe(1);
      expect(message(r)).toBe("Het rapport mag het invoerbestand niet overschrijven: kies met -o een andere bestandsnaam.");
    }
    expect(sha(input)).toBe(before);
  });
});

describe("an output that cannot be written there: one Dutch sentence, exit 1, nothing created", () => {
  test("-o a folder", async () => {
    const folder = at("een-map");
    mkdirSync(folder, { recursive: true });
    for (const extra of [[], ["--overschrijven"]]) {
      const r = await run(["report", input, "-o", folder, ...extra]);
      expect(r.code).toBe(1);
      expect(message(r)).toBe(`'${folder}' is een map, geen bestand: geef met -o een bestandsnaam, bijvoorbeeld ${path.join(folder, "rapport.xlsx")}.`);
      expect(r.err).not.toMatch(ENGLISH);
    }
    expect(statSync(folder).isDirectory()).toBe(true);
  });

  test("-o in a folder that does not exist: not created", async () => {
    const missing = at("bestaat-niet");
    const r = await run(["report", input, "-o", path.join(missing, "rapport.xlsx")]);
    expect(r.code).toBe(1);
    expect(message(r)).toBe(`De map '${missing}' bestaat niet: maak de map eerst aan, of kies met -o een bestand in een bestaande map.`);
    expect(existsSync(missing)).toBe(false);
  });

  test("-o under a file (a path through a file)", async () => {
    const r = await run(["report", input, "-o", path.join(input, "rapport.xlsx")]);
    expect(r.code).toBe(1);
    expect(message(r)).toMatch(/is een bestand, geen map|een deel van het pad is een bestand/);
    expect(r.err).not.toMatch(ENGLISH);
  });

  test("template and sign get the same sentences", async () => {
    const folder = at("een-map");
    mkdirSync(folder, { recursive: true });
    const t = await run(["template", "--jaar", "2026", "-o", folder]);
    expect([t.code, message(t)]).toEqual([1, expect.stringContaining("is een map, geen bestand")]);
    const s = await run(["sign", input, "--accounthouder", "A. Jansen", "--ter-ondertekening", "-o", path.join(at("nergens"), "x.xlsx")]);
    expect([s.code, message(s)]).toEqual([1, expect.stringContaining("bestaat niet")]);
  });

  test("pdf: a folder, a missing folder and an existing file get the same sentences", async () => {
    const folder = at("een-map");
    mkdirSync(folder, { recursive: true });
    const f = await run(["pdf", input, "-o", folder]);
    expect([f.code, message(f)]).toEqual([1, expect.stringContaining("is een map, geen bestand")]);
    const m = await run(["pdf", input, "-o", path.join(at("geen-map"), "addendum.pdf")]);
    expect([m.code, message(m)]).toEqual([1, expect.stringContaining("bestaat niet")]);
    expect(existsSync(at("geen-map"))).toBe(false);
    const { file, before } = existing("addendum.pdf");
    const e = await run(["pdf", input, "-o", file]);
    expect([e.code, message(e)]).toEqual([2, expect.stringContaining("--overschrijven")]);
    expect(sha(file)).toBe(before);
  });

  test("a failure while writing (a system folder that refuses files) is a Dutch sentence, not 'Onverwachte fout'", async () => {
    const r = await run(["report", input, "-o", "/sys/rapport.xlsx"]);
    expect(r.code).toBe(1);
    expect(message(r)).toMatch(/^'\/sys\/rapport\.xlsx' kan niet worden geschreven|In de map '\/sys' mag niet worden geschreven/);
    expect(r.err).not.toMatch(ENGLISH);
  }, 60_000);
});

describe("argument errors are Dutch sentences with exit 2", () => {
  test.each([
    [["report", input, "--foo"], "Onbekende optie '--foo'."],
    [["check", "-x", input], "Onbekende optie '-x'."],
    [["check", "-rapport.xlsx"], "Onbekende optie '-r'. Een bestandsnaam die met '-' begint schrijft u als ./-rapport.xlsx."],
    [["report", input, "--overschrijf"], "Onbekende optie '--overschrijf'. Bedoelt u '--overschrijven'?"],
    [["report", input, "-o"], "De optie '-o' mist een waarde: schrijf bijvoorbeeld -o rapport.xlsx."],
    [["report", input, "-o", "--overschrijven"], "De optie '-o' mist een waarde"],
    [["template", "--jaar"], "De optie '--jaar' mist een waarde: schrijf bijvoorbeeld --jaar 2026."],
    [["template", "--jaar", " ", "-o", "x.xlsx"], "De optie '--jaar' heeft een lege waarde"],
    [["report", input, "--overschrijven=ja"], "De optie '--overschrijven' neemt geen waarde: schrijf alleen --overschrijven, zonder '=ja'."],
    [["report", input, "-o", "a.xlsx", "-o", "b.xlsx"], "De optie '-o' staat twee keer in de opdracht"],
    [["check", input, "--jaar", "2026"], "De optie '--jaar' hoort niet bij 'check'"],
    [["report", input, "--regisseur", "X"], "De optie '--regisseur' hoort niet bij 'report': 'report' neemt alleen -o, --overschrijven."],
    [["rapport", input], "Onbekende opdracht 'rapport'"],
    [["sign", input, "--accounthouder", "A. Jansen", "--ter-ondertekening"], "'sign' heeft met -o de naam van het nieuwe bestand nodig"],
    [["check"], "'check' heeft een invoerbestand nodig"],
    [["check", "a.xlsx", "b.xlsx"], "'check' neemt één invoerbestand, niet 2"],
  ])("%j", async (args, expected) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(message(r)).toContain(expected);
    expect(message(r)).not.toMatch(ENGLISH);
    expect(r.err).toContain("Gebruik:");
    expect(r.out).toBe("");
  });

  test("nothing is written on an argument error", async () => {
    const out = at("niet-geschreven.xlsx");
    expect((await run(["report", input, "-o", out, "--onbekend"])).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  test("--help still works with any command", async () => {
    const r = await run(["report", "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("--overschrijven");
  });
});

describe("the bundled example (npm run report) can be run again and again", () => {
  test("twice in a row into out/: both exit 0; an explicit -o there is refused like any other file", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "dvo-example-"));
    const cwd = process.cwd();
    process.chdir(work);
    try {
      const first = await run(["report"]);
      expect(first.code).toBe(0);
      const report = path.join("out", "voorbeeld-rapport-2025.xlsx");
      const mtime = statSync(report).mtimeMs;
      const second = await run(["report"]);
      expect([second.code, second.err]).toEqual([0, expect.not.stringContaining("bestaat al")]);
      expect(statSync(report).mtimeMs).toBeGreaterThanOrEqual(mtime);
      expect(second.out).toContain("Plafond formatieve kosten  € 626.908,24");

      const chosen = await run(["report", "-o", report]);
      expect([chosen.code, message(chosen)]).toEqual([2, expect.stringContaining("bestaat al")]);
      expect((await run(["report", "-o", report, "--overschrijven"])).code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
  }, 120_000);
});
