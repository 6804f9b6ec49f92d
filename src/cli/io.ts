/** What every command shares: where it prints, how a problem and a euro amount read, and the one way to write an output. */
import type { Problem } from "../input/grid";
import { checkOutput, writeErrorMessage, type OutputOptions } from "./output";

export type Out = { out: (s: string) => void; err: (s: string) => void };
export const stdio: Out = { out: (s) => process.stdout.write(s + "\n"), err: (s) => process.stderr.write(s + "\n") };

export function formatProblem(p: Problem): string {
  return `${p.severity.padEnd(12)} ${`${p.sheet}!${p.cell}`.padEnd(22)} ${p.message}`;
}

export function summary(problems: readonly Problem[]): string {
  const e = problems.filter((p) => p.severity === "fout").length;
  const w = problems.length - e;
  return `${e} ${e === 1 ? "fout" : "fouten"}, ${w} ${w === 1 ? "waarschuwing" : "waarschuwingen"}`;
}

export function euro(x: number): string {
  return `€ ${x.toLocaleString("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Print a command's problems and, when there is nothing to show for them, why nothing was made. */
export function printRefusal(io: Out, problems: readonly Problem[], message: string | undefined, what: string): void {
  if (message) io.err(message);
  for (const p of problems) io.err(formatProblem(p));
  if (problems.length > 0) io.err(`${what}: ${summary(problems)}. Herstel de fouten en probeer het opnieuw.`);
}

/** Check `output` before any work (0 when it may be written, else the exit code after printing why). */
export async function outputAllowed(output: string, opts: OutputOptions, io: Out): Promise<0 | 1 | 2> {
  const where = await checkOutput(output, opts);
  if (where.ok) return 0;
  io.err(where.message);
  return where.code;
}

/**
 * Run `write`; a file-system failure while writing `output` (disk full, the folder removed meanwhile) is one
 * Dutch sentence and exit 1. Anything else is a bug and is thrown on.
 */
export async function writing<T>(output: string, io: Out, write: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; code: 1 }> {
  try {
    return { ok: true, value: await write() };
  } catch (e) {
    const m = writeErrorMessage(output, e);
    if (m === null) throw e;
    io.err(m);
    return { ok: false, code: 1 };
  }
}
