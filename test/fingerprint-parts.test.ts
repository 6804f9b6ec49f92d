/**
 * The fingerprint in parts (docs/rekenregels.md §10): the full fingerprint stays what signed PDFs carry; the
 * salary part moves with the Salaristabel rows used only, the formation part with the settings and Formatie only.
 */
import { addendumFingerprint, fingerprintParts } from "../src/domain/fingerprint";
import { workedExample } from "./example-inputs";

// the worked example's fingerprint as the signing PDF of the 2025 example carries it (test/pdf-read.test.ts)
const SIGNED = "d610aabc46fb61c43505cd05444eeb975090133491e6b1b52a0de477936ebce7";

test("the full fingerprint is unchanged by the parts", () => {
  expect(addendumFingerprint(workedExample())).toBe(SIGNED);
});

test("a Salaristabel change moves the salary part only; a Formatie or setting change the formation part only", () => {
  const base = workedExample();
  const p0 = fingerprintParts(base);
  const cao = workedExample();
  for (const r of cao.salaryTable) if (r.effective.year === 2025 && r.effective.month === 10) r.maximum += 40;
  const p1 = fingerprintParts(cao);
  expect(p1.salary).not.toBe(p0.salary);
  expect(p1.formation).toBe(p0.formation);
  expect(addendumFingerprint(cao)).not.toBe(SIGNED);

  const fte = workedExample();
  fte.formation[0].fte = 3.5;
  expect(fingerprintParts(fte).formation).not.toBe(p0.formation);
  expect(fingerprintParts(fte).salary).toBe(p0.salary);

  const rate = workedExample();
  rate.settings.overheadRate = 0.2;
  expect(fingerprintParts(rate).salary).toBe(p0.salary);
  expect(fingerprintParts(rate).formation).not.toBe(p0.formation);
});
