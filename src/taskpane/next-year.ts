/**
 * "Volgend jaar" in the task pane (issue 12 §1–2): next year's input workbook from the checked inputs of
 * the open workbook, with optional cao estimates. The list of estimates and their checks live here; the
 * workbook itself is built by xlsx/next-year-book.ts (host-neutral, exceljs in the page), loaded on demand.
 * Outside Excel the new workbook is a download; inside Excel it opens as a new workbook
 * (Excel.createWorkbook, ExcelApi 1.8). The open workbook or chosen file is never changed.
 */
import { compareDates, dutchDate } from "../domain/dates";
import { parseCaoRaise, type CaoRaise } from "../domain/cao";

/** One estimate as typed: a date (yyyy-mm-dd from a date field) and a raise (`+2,5%`, `+€35`). */
export interface CaoEntry {
  date: string;
  raise: string;
}

/** The raise as the pane accepts it: `+2,5%`, `2,5 %`, `+€35`, `€ 35`, `+35 euro` (the `+` may be left out). */
const RAISE = /^\+?\s*(€\s*)?\d+(?:[.,]\d+)?\s*(%|euro)?$/i;

/**
 * Check one estimate; a Dutch sentence for the field when it cannot be used. The engine's parser
 * (domain/cao.ts) decides, as for `--cao` on the command line.
 */
export function checkCaoEntry(e: CaoEntry): { ok: true; raise: CaoRaise } | { ok: false; field: "date" | "raise"; message: string } {
  const date = e.date.trim();
  const raise = e.raise.trim();
  if (date === "") return { ok: false, field: "date", message: "Vul de ingangsdatum van de verwachte cao-verhoging in." };
  if (raise === "") return { ok: false, field: "raise", message: "Vul de verhoging in, bijvoorbeeld +2,5% of +€35." };
  if (!RAISE.test(raise)) return { ok: false, field: "raise", message: `'${raise}' is geen verhoging: schrijf een percentage (+2,5%) of een bedrag per maand (+€35).` };
  const r = parseCaoRaise(`${date} ${raise.startsWith("+") ? raise : `+${raise}`}`);
  if (!r.ok) return { ok: false, field: /geen datum/.test(r.message) ? "date" : "raise", message: r.message };
  return r;
}

/** All estimates checked: the raises, or per entry (by index) the message; one date twice is refused. */
export function checkCaoEntries(entries: readonly CaoEntry[]): { raises: CaoRaise[]; errors: Map<number, { field: "date" | "raise"; message: string }> } {
  const raises: CaoRaise[] = [];
  const errors = new Map<number, { field: "date" | "raise"; message: string }>();
  entries.forEach((e, i) => {
    const r = checkCaoEntry(e);
    if (!r.ok) return void errors.set(i, r);
    if (raises.some((o) => compareDates(o.effective, r.raise.effective) === 0)) {
      return void errors.set(i, { field: "date", message: `Er is al een raming met ingangsdatum ${dutchDate(r.raise.effective)}: geef per datum één verhoging op.` });
    }
    raises.push(r.raise);
  });
  return { raises, errors };
}

/** Bytes as base64 (what Excel.createWorkbook takes), in slices so a large workbook does not overflow the stack. */
export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Inside Excel: open the bytes as a new workbook; the workbook the pane works in is not touched. */
export async function openAsNewWorkbook(bytes: Uint8Array, createWorkbook: (base64: string) => Promise<void>): Promise<void> {
  await createWorkbook(toBase64(bytes));
}

/** The list of estimates on the page: rows of a date field, a raise field, a remove button and an error line. */
export class CaoList {
  private next = 1;
  constructor(private readonly list: HTMLElement) {}

  add(entry: CaoEntry = { date: "", raise: "" }): HTMLLIElement {
    const n = this.next++;
    const li = document.createElement("li");
    li.className = "cao-row";
    const field = (id: string, label: string, input: HTMLInputElement) => {
      const div = document.createElement("div");
      div.className = "cao-field";
      const l = document.createElement("label");
      l.htmlFor = id;
      l.textContent = label;
      input.id = id;
      div.append(l, input);
      return div;
    };
    const date = Object.assign(document.createElement("input"), { type: "date", value: entry.date, className: "cao-date" });
    const raise = Object.assign(document.createElement("input"), { type: "text", value: entry.raise, className: "cao-raise", placeholder: "+2,5% of +€35" });
    raise.setAttribute("autocomplete", "off");
    const error = Object.assign(document.createElement("p"), { id: `cao-error-${n}`, className: "field-error" });
    error.setAttribute("role", "alert");
    for (const i of [date, raise]) i.setAttribute("aria-describedby", error.id);
    const remove = Object.assign(document.createElement("button"), { type: "button", className: "subtle cao-remove", textContent: "✕", title: "Raming verwijderen" });
    remove.setAttribute("aria-label", "Raming verwijderen");
    remove.addEventListener("click", () => {
      li.remove();
      this.validate();
    });
    const row = document.createElement("div");
    row.className = "cao-fields";
    row.append(field(`cao-date-${n}`, "Ingangsdatum", date), field(`cao-raise-${n}`, "Verhoging", raise), remove);
    li.append(row, error);
    // an error is shown once the user leaves the field, and cleared as soon as it is right
    for (const i of [date, raise]) {
      i.addEventListener("change", () => this.validate());
      i.addEventListener("input", () => li.classList.contains("invalid") && this.validate());
    }
    this.list.append(li);
    date.focus();
    return li;
  }

  private entries(): { li: HTMLLIElement; entry: CaoEntry }[] {
    return Array.from(this.list.querySelectorAll<HTMLLIElement>("li.cao-row")).map((li) => ({
      li,
      entry: { date: li.querySelector<HTMLInputElement>(".cao-date")?.value ?? "", raise: li.querySelector<HTMLInputElement>(".cao-raise")?.value ?? "" },
    }));
  }

  /** Check every row, show each error beside its row; the raises when all are right, else null. */
  validate(): CaoRaise[] | null {
    const rows = this.entries();
    const { raises, errors } = checkCaoEntries(rows.map((r) => r.entry));
    rows.forEach(({ li }, i) => {
      const e = errors.get(i);
      li.classList.toggle("invalid", e !== undefined);
      const p = li.querySelector(".field-error");
      if (p) p.textContent = e?.message ?? "";
      li.querySelector(".cao-date")?.setAttribute("aria-invalid", String(e?.field === "date"));
      li.querySelector(".cao-raise")?.setAttribute("aria-invalid", String(e?.field === "raise"));
    });
    return errors.size === 0 ? raises : null;
  }
}
