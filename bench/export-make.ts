/** `node dist-bench/bench/export-make.js <rows> <out.xlsx>`: write one export case (for trying things by hand). */
import { promises as fs } from "node:fs";
import { exportWorkbook } from "./export-generate";

void (async () => {
  const [rows, out] = process.argv.slice(2);
  const { bytes, counts } = await exportWorkbook(Number(rows));
  await fs.writeFile(out, bytes);
  await fs.writeFile(`${out}.counts.json`, JSON.stringify(counts, null, 1));
  process.stderr.write(`${out}: ${bytes.length} bytes\n`);
})();
