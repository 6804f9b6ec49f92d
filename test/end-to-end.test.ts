/**
 * The end-to-end check for people with real Excel (test/end-to-end), run here against the strict Excel
 * double: its mechanics work (the example goes in, a first build takes 2 + 3 round trips, a rebuild keeps a
 * user's reference and raises no events, the documented behaviours hold). The double computes no values, so
 * the figures checks can only pass in Excel itself.
 */
import { runChecks } from "./end-to-end/e2e";
import { ExcelDouble } from "./support/excel-double";

test.each(["partial", "atomic"] as const)("the end-to-end check runs against the double (%s batches); everything but Excel's own figures holds", async (batch) => {
  const xl = new ExcelDouble({ profile: "web", batch });
  const restore = xl.install();
  try {
    const { checks, result } = await runChecks((f) => xl.run(f));
    expect(result.error).toBeUndefined();
    const byName = Object.fromEntries(checks.map((c) => [c.name, c]));
    const ok = (name: string) => expect([name, byName[name]?.ok]).toEqual([name, true]);
    const notOk = (name: string) => expect([name, byName[name]?.ok]).toEqual([name, false]);
    ok("Rondes met Excel");
    ok("Eigen verwijzing naar een rapportblad blijft na opnieuw maken");
    ok("Geen gebeurtenissen voor het eigen schrijfwerk");
    ok("null laat een cel staan");
    ok("één waarde op een bereik van 2×2 geweigerd (zoals de testdubbel aanneemt)");
    ok("[[x]] op een bereik van 2×2 geweigerd (zoals de testdubbel aanneemt)");
    ok("een zeer verborgen blad verwijderen geweigerd (InvalidOperation)");
    ok("meer dan 5 miljoen cellen lezen mislukt of geeft null");
    // the double does not calculate: formulas have no values
    notOk("Uitkomsten gelijk aan de rekenkern (zonder eigen herberekening)");
    notOk("…en geeft het nieuwe bedrag");
    notOk("verwijzingen volgen een hernoemd blad");
    expect(byName["verwijzingen volgen een hernoemd blad"].detail).toContain("'_e2e hernoemd'!A1*2");
    expect(result.failedBatch).toEqual({ code: "ItemNotFound", firstCommandKept: batch === "partial" });
    expect(checks).toHaveLength(12);
    expect(xl.sheetNames().filter((n) => n.startsWith("_e2e"))).toEqual([]);
  } finally {
    restore();
  }
});
