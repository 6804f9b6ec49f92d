/**
 * The end-to-end check for people with real Excel (test/end-to-end), run here against the strict Excel
 * double: its mechanics work (the example goes in, the build takes 2 + 3 round trips, the three behaviours
 * hold). The double does not calculate, so the figures check can only pass in Excel itself.
 */
import { runChecks } from "./end-to-end/e2e";
import { ExcelDouble } from "./support/excel-double";

test("the end-to-end check runs against the double; everything but Excel's own figures holds", async () => {
  const xl = new ExcelDouble({ profile: "web" });
  const restore = xl.install();
  try {
    const { checks, result } = await runChecks((f) => xl.run(f));
    expect(result.error).toBeUndefined();
    const byName = Object.fromEntries(checks.map((c) => [c.name, c]));
    expect(byName["Rondes met Excel"]).toMatchObject({ ok: true });
    expect(byName["null laat een cel staan"]).toMatchObject({ ok: true });
    expect(byName["één waarde vult het hele bereik"]).toMatchObject({ ok: true });
    expect(byName["verwijzingen volgen een hernoemd blad"]).toMatchObject({ ok: false }); // the double does not calculate: C1 has no value
    expect(byName["verwijzingen volgen een hernoemd blad"].detail).toContain("'_e2e hernoemd'!A1*2");
    expect(byName["[[x]] op een bereik van 2×2 geweigerd (zoals de testdubbel aanneemt)"]).toMatchObject({ ok: true });
    expect(byName["Uitkomsten gelijk aan de rekenkern"]).toMatchObject({ ok: false });
    expect(xl.sheetNames().filter((n) => n.startsWith("_e2e"))).toEqual([]);
  } finally {
    restore();
  }
});
