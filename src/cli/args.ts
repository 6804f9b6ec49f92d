/**
 * The command line's arguments, checked with Dutch messages. Node's `parseArgs` in strict mode throws
 * English sentences ("Unknown option '--foo'. To specify a positional argument …"); here it runs
 * non-strict with tokens, and every token is checked against the option table: unknown options, a missing
 * or empty value, a value given to a switch, an option given twice, and an option that does not belong to
 * the command are each one Dutch sentence (exit 2 in main).
 */
import { parseArgs } from "node:util";

/** Every option of `dvo-addendum`; which command takes which is in COMMAND_OPTIONS. */
export const OPTIONS = {
  output: { type: "string", short: "o" },
  jaar: { type: "string" },
  help: { type: "boolean", short: "h" },
  regisseur: { type: "string" },
  accounthouder: { type: "string" },
  "ter-ondertekening": { type: "boolean" },
  door: { type: "string" },
  reden: { type: "string" },
  /** the reason of a wijziging van het addendum (sign) */
  wijziging: { type: "string" },
  vingerafdruk: { type: "string" },
  pdf: { type: "string" },
  overschrijven: { type: "boolean" },
  controller: { type: "string" },
  opmerking: { type: "string" },
  afkeuren: { type: "string" },
  /** repeatable: an expected cao raise, `2027-07-01 +2,5%` or `2027-07-01 +€35` */
  cao: { type: "string", multiple: true },
} as const;

export type OptionName = keyof typeof OPTIONS;

/** The options each command takes (`--help` goes with every command). A command not listed takes any option. */
export const COMMAND_OPTIONS: Record<string, readonly OptionName[]> = {
  template: ["jaar", "output", "overschrijven", "cao"],
  "next-year": ["output", "overschrijven", "cao"],
  overzicht: ["output", "overschrijven"],
  check: ["vingerafdruk", "pdf"],
  pdf: ["output", "overschrijven"],
  report: ["output", "overschrijven"],
  sign: ["output", "regisseur", "accounthouder", "ter-ondertekening", "wijziging", "overschrijven"],
  reopen: ["output", "door", "reden", "overschrijven"],
  review: ["output", "controller", "opmerking", "afkeuren", "overschrijven"],
};

/** How a value of each string option looks, for the message about a missing one. */
const EXAMPLE_VALUE: Partial<Record<OptionName, string>> = {
  output: "rapport.xlsx",
  jaar: "2026",
  regisseur: '"J. de Vries"',
  accounthouder: '"A. Jansen"',
  door: '"A. Jansen"',
  reden: '"formatie uitgebreid"',
  wijziging: '"cao 2025 afgestemd met de opdrachtgever"',
  vingerafdruk: "<64 tekens 0-9 en a-f>",
  pdf: "getekend.pdf",
  cao: '"2027-07-01 +2,5%"',
  controller: '"P. de Boer"',
  opmerking: '"formatie nagelopen"',
  afkeuren: '"fte van rij 3 klopt niet"',
};

type MultipleOption = { [K in OptionName]: (typeof OPTIONS)[K] extends { multiple: true } ? K : never }[OptionName];
type StringOption = Exclude<{ [K in OptionName]: (typeof OPTIONS)[K]["type"] extends "string" ? K : never }[OptionName], MultipleOption>;
type BooleanOption = Exclude<OptionName, StringOption | MultipleOption>;
export type Values = { [K in StringOption]?: string } & { [K in BooleanOption]?: boolean } & { [K in MultipleOption]?: string[] };

const isMultiple = (name: OptionName): boolean => "multiple" in OPTIONS[name];

export type CommandLine =
  | { ok: true; positionals: string[]; values: Values }
  | { ok: false; message: string };

const isOption = (name: string): name is OptionName => Object.prototype.hasOwnProperty.call(OPTIONS, name);

/** The spelling of an option as the usage text shows it: `-o` / `--output`, `--jaar`. */
function spelled(name: OptionName): string {
  const o = OPTIONS[name];
  return "short" in o ? `-${o.short}` : `--${name}`;
}

export function parseCommandLine(argv: string[]): CommandLine {
  let tokens;
  try {
    tokens = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false, tokens: true }).tokens;
  } catch {
    // Not expected in non-strict mode; still never an English sentence.
    return { ok: false, message: "De opdracht kan niet worden gelezen: controleer de opties en hun waarden." };
  }
  const positionals: string[] = [];
  const values: Record<string, string | boolean | string[]> = {};
  const given: Array<{ name: OptionName; raw: string }> = [];
  for (const t of tokens) {
    if (t.kind === "positional") {
      positionals.push(t.value);
      continue;
    }
    if (t.kind !== "option") continue;
    const raw = t.rawName;
    if (!isOption(t.name)) {
      // `--overschrijf`, `--out`: the option meant, when the first three letters say so
      const near = t.name.length >= 3 ? Object.keys(OPTIONS).find((k) => k.startsWith(t.name.slice(0, 3))) : undefined;
      return {
        ok: false,
        message: `Onbekende optie '${raw}'.${near ? ` Bedoelt u '--${near}'?` : ""} Een bestandsnaam die met '-' begint schrijft u als ./${argv[t.index] ?? raw}.`,
      };
    }
    const name = t.name;
    if (!isMultiple(name) && given.some((g) => g.name === name)) {
      return { ok: false, message: `De optie '${raw}' staat twee keer in de opdracht: geef haar één keer op.` };
    }
    given.push({ name, raw });
    if (OPTIONS[name].type === "string") {
      const v = t.value;
      const example = `${raw} ${EXAMPLE_VALUE[name] ?? "<waarde>"}`;
      if (v === undefined || (!t.inlineValue && v.length > 1 && v.startsWith("-"))) {
        return { ok: false, message: `De optie '${raw}' mist een waarde: schrijf bijvoorbeeld ${example}.` };
      }
      if (v.trim() === "") return { ok: false, message: `De optie '${raw}' heeft een lege waarde: schrijf bijvoorbeeld ${example}.` };
      if (isMultiple(name)) values[name] = [...((values[name] as string[] | undefined) ?? []), v];
      else values[name] = v;
    } else {
      if (t.value !== undefined) {
        return { ok: false, message: `De optie '${raw}' neemt geen waarde: schrijf alleen ${raw}, zonder '=${t.value}'.` };
      }
      values[name] = true;
    }
  }
  const command = positionals[0];
  const allowed = command === undefined ? undefined : COMMAND_OPTIONS[command];
  if (allowed && !values.help) {
    const stray = given.find((g) => g.name !== "help" && !allowed.includes(g.name));
    if (stray) {
      const takes = allowed.length === 0 ? "neemt geen opties" : `neemt alleen ${allowed.map(spelled).join(", ")}`;
      return { ok: false, message: `De optie '${stray.raw}' hoort niet bij '${command}': '${command}' ${takes}.` };
    }
  }
  return { ok: true, positionals, values: values as Values };
}
