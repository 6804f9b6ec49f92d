/**
 * The task pane UI: tabs, and the four tasks (Invoer, Controleren, Rapport, Overzicht). Dutch throughout.
 *
 * Everything the pane shows belongs to the workbook or file open now. What it showed is tied to a
 * generation: choosing another file, a change in the workbook (inside Excel) or another rapportagemaand
 * starts a new one, and what was shown for the old one is marked stale (a banner, dimmed and struck-through
 * figures) until the next check; a file that cannot be read, or a check that fails or finds errors, clears
 * the figures instead. The buttons follow the state: nothing to do without a workbook, no report on
 * errors, no Ondertekenen on a signed addendum and Heropenen only there. "Volgend jaar" (next-year.ts) makes
 * next year's workbook from the checked inputs: a download outside Excel, a new workbook inside.
 */
import { MONTH_NAMES } from "../domain/dates";
import type { Problem } from "../input/grid";
import { clearDashboard, euro, renderDashboard, showDashboard } from "./dashboard";
import { changedSinceSigning, type SignAction, type SignOff } from "../input/meta";
import { checkInSteps, signOffOf, type Checked } from "./check";
import { download, downloadTemplate, FileHost } from "./file-host";
import type { BuildKind, HostRead, WorkbookHost } from "./host";
import { CaoList, openAsNewWorkbook } from "./next-year";

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`taskpane: no #${id}`);
  return el as T;
};

const STEPS = ["Werkmap lezen", "Invoer controleren", "Berekenen", "Rapport opbouwen", "Rapport schrijven"];

/** Let the browser paint what was just set before the next stretch of work (a frame, then a task). */
const paint = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

const seconds = (ms: number): string => ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toLocaleString("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
const clock = (d: Date): string => d.toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
const megabytes = (n: number): string => `${(n / 1024 / 1024).toLocaleString("nl-NL", { maximumFractionDigits: 1 })} MB`;

export interface AppOptions {
  /** the Excel host, when running inside Excel */
  excel?: WorkbookHost & { createTemplate(year: number): Promise<string[]> };
  /** inside Excel: report changes to the workbook's input sheets (sheet name, "" when unknown) */
  watch?: (onChange: (sheet: string) => void) => Promise<void>;
  /** inside Excel: open an .xlsx (base64) as a new workbook (Excel.createWorkbook, ExcelApi 1.8) */
  createWorkbook?: (base64: string) => Promise<void>;
}

export class App {
  private host: WorkbookHost | null;
  private read: HostRead | null = null;
  private checked: Checked | null = null;
  /** the sign-off record of the last read */
  private signOff: SignOff | null = null;
  /** which workbook state is open now; bumped by another file, a workbook change, another month */
  private generation = 0;
  /** the generation of what is shown (check, overview, report result); null: nothing shown */
  private shownGeneration: number | null = null;
  /** the workbook what is shown came from, e.g. 'invoer.xlsx' */
  private shownSource = "";
  private busy = false;
  private caoList: CaoList | null = null;

  constructor(private readonly opts: AppOptions) {
    this.host = opts.excel ?? null;
  }

  start(): void {
    this.setupTabs();
    const year = new Date().getFullYear();
    const status = $("host-status");
    if (this.opts.excel) {
      status.textContent = "Verbonden met Excel: de add-in werkt in deze werkmap.";
      $("excel-input").hidden = false;
      $<HTMLInputElement>("template-year").value = String(year);
      $("create-sheets").addEventListener("click", () => this.createSheets());
      this.opts.watch?.((sheet) => this.workbookChanged(sheet)).catch(() => undefined);
    } else {
      status.textContent = "Buiten Excel: kies een werkmap om te controleren en een rapport te downloaden.";
      $("file-input").hidden = false;
      $("file-name").after($("input-result")); // what happened to the chosen file, right under it
      $<HTMLInputElement>("download-year").value = String(year);
      this.setupFilePicker();
      $("download-template").addEventListener("click", () => this.guard("input-result", async () => {
        $("input-result").textContent = await downloadTemplate(this.year("download-year"));
      }));
    }
    const month = $<HTMLSelectElement>("report-month");
    month.append(new Option("volgens Instellingen", ""));
    MONTH_NAMES.forEach((m, i) => month.append(new Option(`t/m ${m} (${i + 1})`, String(i + 1))));
    month.addEventListener("change", () => this.invalidate("U heeft een andere rapportagemaand gekozen; de cijfers hieronder horen bij de vorige keuze."));
    $("run-check").addEventListener("click", () => this.runCheck());
    $("recheck").addEventListener("click", () => this.runCheck());
    $("build-report").addEventListener("click", () => this.buildReport());
    const value = (id: string) => $<HTMLInputElement>(id).value;
    $("submit-signoff").addEventListener("click", () => this.buildReport({ kind: "submit", accounthouder: value("sign-accounthouder") }));
    $("sign").addEventListener("click", () => this.buildReport({ kind: "sign", regisseur: value("sign-regisseur"), accounthouder: value("sign-accounthouder") }));
    $("reopen").addEventListener("click", () => this.buildReport({ kind: "reopen", by: value("reopen-by"), reason: value("reopen-reason") }));
    $("signing-pdf").addEventListener("click", () => this.signingPdf());
    const caoList = new CaoList($("cao-list"));
    this.caoList = caoList;
    $("add-cao").addEventListener("click", () => caoList.add());
    $("next-year-build").addEventListener("click", () => this.buildNextYear());
    this.refresh();
  }

  // ---- what is shown, and whether it still belongs to the open workbook ----

  private get fresh(): boolean {
    return this.shownGeneration !== null && this.shownGeneration === this.generation;
  }

  private get errors(): boolean {
    return this.checked !== null && this.checked.parse.problems.some((p) => p.severity === "fout");
  }

  /** The open workbook changed: mark what is shown as stale, with the reason. */
  private invalidate(reason: string): void {
    this.generation += 1;
    if (this.shownGeneration !== null) $("stale-text").textContent = ` ${reason} Controleer opnieuw om de cijfers van ${this.host?.describe() ?? "de werkmap"} te zien.`;
    this.refresh();
  }

  /** Remove everything shown for a workbook (a file that cannot be read, a failed check). */
  private clearShown(why: string): void {
    this.checked = null;
    this.read = null;
    this.signOff = null;
    this.shownGeneration = null;
    this.shownSource = "";
    $("check-summary").textContent = "";
    $("problem-list").replaceChildren();
    $("build-result").replaceChildren();
    $("build-progress").hidden = true;
    $("signing-pdf-result").textContent = "";
    $("next-year-result").replaceChildren();
    clearDashboard(why);
    this.refresh();
  }

  private workbookChanged(sheet: string): void {
    // the add-in's own writes raise no events (src/office/write.ts switches them off while it writes)
    this.invalidate(sheet ? `Het blad '${sheet}' is gewijzigd na de laatste controle.` : "De werkmap is gewijzigd na de laatste controle.");
  }

  /** The buttons, the sign-off controls and the stale banner, from the state. */
  private refresh(): void {
    const stale = this.shownGeneration !== null && !this.fresh;
    document.body.dataset.stale = String(stale);
    $("stale-banner").hidden = !stale;
    const noHost = this.host === null;
    const blocked = this.busy || noHost;
    const freshErrors = this.fresh && this.errors;
    $<HTMLButtonElement>("run-check").disabled = blocked;
    $<HTMLButtonElement>("recheck").disabled = blocked;
    $<HTMLButtonElement>("build-report").disabled = blocked || freshErrors;
    $<HTMLButtonElement>("signing-pdf").disabled = blocked || freshErrors;
    $("build-hint").textContent = noHost
      ? (this.opts.excel ? "" : "Kies eerst een werkmap op het tabblad Invoer.")
      : freshErrors ? "De invoer bevat fouten: herstel ze (zie Controleren) en controleer opnieuw." : "";

    // next year: only from a fresh check without errors, with the reason when not
    const checkedInputs = this.fresh && !this.errors && this.checked?.parse.inputs != null && this.read !== null;
    $<HTMLButtonElement>("next-year-build").disabled = blocked || !checkedInputs;
    $("next-year-hint").textContent = noHost
      ? (this.opts.excel ? "" : "Kies eerst een werkmap hierboven en controleer die (tabblad Controleren).")
      : this.shownGeneration === null || this.checked === null ? "Controleer eerst de invoer (tabblad Controleren): de nieuwe werkmap komt uit de gecontroleerde invoer."
        : !this.fresh ? "Controleer opnieuw: er is iets veranderd na de laatste controle (zie de melding bovenaan)."
          : this.errors ? "De invoer bevat fouten: herstel ze (zie Controleren) en controleer opnieuw." : "";

    // sign-off: the status as read by the last check; actions only on a fresh check without errors, and
    // only those that fit the status (no Ondertekenen on a signed addendum, Heropenen only there)
    const statusKnown = this.fresh && this.checked !== null;
    const actionable = statusKnown && this.checked?.results != null && !this.errors;
    const status = statusKnown ? (this.signOff?.status ?? "Concept") : null;
    const fingerprint = statusKnown ? this.checked?.results?.fingerprint : undefined;
    const changed = fingerprint !== undefined && changedSinceSigning(this.signOff, fingerprint);
    $("sign-box").hidden = !actionable || status === "Ondertekend";
    $("reopen-box").hidden = !actionable || status !== "Ondertekend";
    $("submit-signoff").hidden = status === "Ter ondertekening" && !changed;
    $("submit-signoff").textContent = status === "Ter ondertekening" ? "Opnieuw ter ondertekening aanbieden" : "Ter ondertekening aanbieden";
    $<HTMLButtonElement>("submit-signoff").disabled = blocked || !actionable;
    $<HTMLButtonElement>("sign").disabled = blocked || !actionable || (status === "Ter ondertekening" && changed);
    $<HTMLButtonElement>("reopen").disabled = blocked || !actionable;
    $("signoff-changed").hidden = !changed;
    $("signoff-status").textContent = statusKnown || (this.shownGeneration !== null && this.checked !== null)
      ? this.statusText(this.signOff) // when stale: the old status, dimmed with the other figures
      : "Status: onbekend — controleer eerst de invoer.";
    $("signoff-hint").textContent = noHost ? ""
      : !statusKnown ? "Controleer eerst de invoer; dan kunt u het addendum aanbieden of ondertekenen."
        : !actionable ? "Aanbieden, ondertekenen en heropenen kan pas als de invoer geen fouten bevat."
          : status === "Ondertekend" ? "Het addendum is ondertekend. Moet het opnieuw worden ondertekend? Heropen het dan met uw naam en een reden."
            : status === "Ter ondertekening" ? "Het addendum is ter ondertekening aangeboden; de regisseur kan het nu ondertekenen." : "";
  }

  private statusText(so: SignOff | null): string {
    return so === null || so.status === "Concept"
      ? "Status: Concept"
      : `Status: ${so.status}${so.status === "Ondertekend" ? ` door ${so.regisseur} op ${so.date}` : ""} (accounthouder ${so.accounthouder})`;
  }

  // ---- tasks ----

  private year(id: string): number {
    const v = Number($<HTMLInputElement>(id).value);
    if (!Number.isInteger(v) || v < 2000 || v > 2100) throw new Error("Vul een jaar tussen 2000 en 2100 in.");
    return v;
  }

  private setupTabs(): void {
    const tabs = Array.from(document.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
    const select = (tab: HTMLButtonElement, focus = false) => {
      for (const t of tabs) {
        const on = t === tab;
        t.setAttribute("aria-selected", String(on));
        t.tabIndex = on ? 0 : -1;
        $(t.getAttribute("aria-controls") as string).hidden = !on;
      }
      if (focus) tab.focus();
      if (tab.id === "tab-overzicht") void showDashboard();
    };
    tabs.forEach((t, i) => {
      t.addEventListener("click", () => select(t));
      t.addEventListener("keydown", (e) => {
        const next = e.key === "ArrowRight" ? i + 1 : e.key === "ArrowLeft" ? i - 1 : e.key === "Home" ? 0 : e.key === "End" ? tabs.length - 1 : null;
        if (next === null) return;
        e.preventDefault();
        select(tabs[(next + tabs.length) % tabs.length], true);
      });
    });
  }

  private setupFilePicker(): void {
    const picker = $<HTMLInputElement>("file-picker");
    const zone = $("drop-zone");
    const open = (file: File | undefined) => file && this.guard("input-result", async () => {
      this.busy = true;
      this.refresh();
      $("input-result").textContent = `'${file.name}' lezen (${megabytes(file.size)})…`;
      const t0 = performance.now();
      await paint();
      try {
        this.host = await FileHost.open(file);
      } catch (e) {
        // no workbook is open now: nothing of the previous one may stay on screen
        this.host = null;
        this.generation += 1;
        $("file-name").textContent = "";
        this.clearShown(`Er is geen werkmap geopend: '${file.name}' kon niet worden gelezen. Kies een invoerwerkmap op het tabblad Invoer.`);
        throw e;
      } finally {
        this.busy = false;
      }
      $("file-name").textContent = `Gekozen: ${file.name}`;
      $("next-year-result").replaceChildren(); // it spoke of the file chosen before
      this.invalidate(`U heeft '${file.name}' gekozen; wat hieronder staat hoort bij ${this.shownSource}.`);
      $("input-result").textContent = `De werkmap is gelezen (${seconds(performance.now() - t0)}). Ga naar Controleren.`;
      picker.value = ""; // choosing the same file again (after editing it) reads it again
    });
    picker.addEventListener("change", () => open(picker.files?.[0]));
    zone.addEventListener("keydown", (e) => (e.key === "Enter" || e.key === " ") && (e.preventDefault(), picker.click()));
    zone.addEventListener("dragover", (e) => (e.preventDefault(), zone.classList.add("over")));
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (e) => {
      e.preventDefault();
      zone.classList.remove("over");
      open(e.dataTransfer?.files?.[0]);
    });
  }

  /** Run a task; any error becomes a Dutch sentence in `target`, never a silent failure. */
  private async guard(target: string, task: () => Promise<void>): Promise<void> {
    const el = $(target);
    el.classList.remove("error");
    try {
      await task();
    } catch (e) {
      el.classList.add("error");
      el.textContent = e instanceof Error ? e.message : String(e);
    } finally {
      this.refresh();
    }
  }

  private requireHost(): WorkbookHost {
    if (!this.host) throw new Error("Kies eerst een werkmap op het tabblad Invoer.");
    return this.host;
  }

  private chosenMonth(): number | undefined {
    const v = $<HTMLSelectElement>("report-month").value;
    return v === "" ? undefined : Number(v);
  }

  private async createSheets(): Promise<void> {
    await this.guard("input-result", async () => {
      const excel = this.opts.excel;
      if (!excel) return;
      const made = await excel.createTemplate(this.year("template-year"));
      $("input-result").textContent = made.length === 0
        ? "Alle invoerbladen bestaan al; er is niets gewijzigd."
        : `Aangemaakt: ${made.join(", ")}. Vul ze in en ga naar Controleren.`;
    });
  }

  /**
   * Read the workbook and check it; show the findings, the overview and the status. A read that fails
   * or a check with errors clears the figures (an error message says why). `say` reports the stage.
   */
  private async readAndCheck(say: (stage: number, text: string) => Promise<void>): Promise<Checked> {
    const host = this.requireHost();
    const generation = this.generation;
    await say(0, "Werkmap lezen");
    try {
      this.read = await host.read();
    } catch (e) {
      this.clearShown("Er zijn geen cijfers: de werkmap kon niet worden gelezen.");
      throw e;
    }
    await say(1, "Invoer controleren");
    const checked = await checkInSteps(this.read, this.chosenMonth(), () => say(2, "Berekenen"));
    this.checked = checked;
    this.signOff = signOffOf(this.read);
    this.shownGeneration = generation; // a change that came in while reading leaves it stale
    this.shownSource = host.describe();
    this.showProblems(checked.parse.problems);
    const { inputs } = checked.parse;
    if (inputs && checked.results && !this.errors) {
      renderDashboard(inputs, checked.results, `Cijfers van ${this.shownSource}, gecontroleerd om ${clock(new Date())}, t/m ${MONTH_NAMES[inputs.settings.reportMonth - 1]}.`);
    } else {
      clearDashboard("Er zijn geen cijfers: de invoer bevat fouten. Herstel ze (zie Controleren) en controleer opnieuw.");
      $("build-result").replaceChildren();
    }
    this.refresh();
    return checked;
  }

  private async runCheck(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.refresh();
    const summary = $("check-summary");
    const t0 = performance.now();
    try {
      await this.guard("check-summary", async () => {
        await this.readAndCheck(async (_, text) => {
          summary.textContent = `${text}…`;
          await paint();
        });
        summary.textContent += ` (${seconds(performance.now() - t0)})`;
        if (this.errors) $("build-progress").hidden = true;
      });
    } finally {
      this.busy = false;
      this.refresh();
    }
  }

  /** "PDF om te ondertekenen": the signing document of the inputs as they are now, as a download. */
  private async signingPdf(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.refresh();
    const result = $("signing-pdf-result");
    try {
      await this.guard("signing-pdf-result", async () => {
        await this.readAndCheck(async (_, text) => {
          result.textContent = `${text}…`;
          await paint();
        });
        const { inputs } = this.checked?.parse ?? {};
        const results = this.checked?.results;
        if (!inputs || !results || this.errors) throw new Error("Geen PDF gemaakt: de invoer bevat fouten. Zie het tabblad Controleren.");
        result.textContent = "De PDF wordt gemaakt (de opmaak en de lettertypen worden geladen)…";
        await paint();
        const [{ signingDocument }, { renderPdfBlob }] = await Promise.all([import("../pdf/document"), import("../pdf/browser")]);
        const blob = await renderPdfBlob(signingDocument(inputs, results, { signOff: this.signOff }));
        const name = `addendum-${inputs.settings.year}.pdf`;
        download(blob, name);
        result.textContent = `'${name}' staat in uw downloads (vingerafdruk ${results.fingerprint.slice(0, 12)}…). Laat dit document ondertekenen en bewaar het: met de vingerafdruk erop is later na te gaan of de werkmap nog het getekende addendum bevat.`;
      });
    } finally {
      this.busy = false;
      this.refresh();
    }
  }

  /**
   * "Werkmap volgend jaar maken": next year's workbook from the checked inputs (the grids of the last
   * check), built in the page; a download outside Excel, a new workbook inside. The open one is not changed.
   */
  private async buildNextYear(): Promise<void> {
    if (this.busy) return;
    const result = $("next-year-result");
    // null: an estimate is wrong (its message is shown beside it); no list: no estimates
    const raises = this.caoList ? this.caoList.validate() : [];
    if (raises === null) {
      result.classList.add("error");
      result.textContent = "Geen werkmap gemaakt: een cao-raming is niet in orde (zie de melding bij de raming).";
      return;
    }
    this.busy = true;
    this.refresh();
    try {
      await this.guard("next-year-result", async () => {
        const read = this.read;
        if (!read || !this.fresh || this.errors || !this.checked?.parse.inputs) throw new Error("Controleer eerst de invoer (tabblad Controleren); de invoer mag geen fouten bevatten.");
        result.textContent = "De werkmap voor het volgende jaar wordt gemaakt…";
        await paint();
        const t0 = performance.now();
        // exceljs and the next-year planner are their own chunk: loaded on the first use
        const { nextYearBytes } = await import(/* webpackChunkName: "next-year" */ "../cli/next-year-book");
        const built = await nextYearBytes(read.grids, raises);
        if (!built.ok) throw new Error("Geen werkmap gemaakt: de invoer bevat fouten. Zie het tabblad Controleren.");
        const p = built.plan;
        const name = `invoer-${p.year}.xlsx`;
        let done: string;
        if (this.opts.excel) {
          if (!this.opts.createWorkbook) throw new Error("Deze versie van Excel kan geen nieuwe werkmap openen vanuit de add-in (ExcelApi 1.8 nodig).");
          await openAsNewWorkbook(built.bytes, this.opts.createWorkbook);
          done = `De werkmap voor ${p.year} is geopend als nieuwe werkmap: sla hem op, bijvoorbeeld als '${name}'. Deze werkmap is niet gewijzigd.`;
        } else {
          download(new Blob([built.bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), name);
          done = `'${name}' staat in uw downloads. Het gekozen bestand zelf is niet gewijzigd.`;
        }
        const facts = [
          `Jaar ${p.year}, Rapportagemaand 1; Instellingen, Formatie en Openingstijden${(p.options.rows?.ledgerMap ?? []).length > 0 ? " en Grootboek" : ""} overgenomen.`,
          `Salaristabel: ${p.salary.own} eigen regels, ${p.salary.bundled} uit de meegeleverde cao-tabellen, ${p.salary.estimated} geraamd${raises.length > 0 ? ` (${raises.map((r) => r.label).join("; ")})` : ""}.`,
          p.carriedCases.length > 0
            ? `Verzuim: ${p.carriedCases.length} open ${p.carriedCases.length === 1 ? "dossier" : "dossiers"} overgenomen (${p.carriedCases.join(", ")}): raam de verwachte kosten voor ${p.year} opnieuw.`
            : "Verzuim: geen open dossiers.",
          `Het addendum ${p.year - 1} staat op het blad 'Vorig addendum'; het rapport ${p.year} vergelijkt ermee.`,
        ];
        const ul = document.createElement("ul");
        ul.className = "next-year-facts";
        for (const f of facts) ul.append(Object.assign(document.createElement("li"), { textContent: f }));
        const took = Object.assign(document.createElement("p"), { className: "muted", textContent: `Klaar in ${seconds(performance.now() - t0)}.` });
        result.replaceChildren(Object.assign(document.createElement("p"), { textContent: done }), ul, took);
      });
    } finally {
      this.busy = false;
      this.refresh();
    }
  }

  private showProblems(problems: Problem[]): void {
    const errors = problems.filter((p) => p.severity === "fout").length;
    const warnings = problems.length - errors;
    $("check-summary").textContent = problems.length === 0
      ? "Geen fouten of waarschuwingen: de invoer is in orde."
      : `${errors} ${errors === 1 ? "fout" : "fouten"}, ${warnings} ${warnings === 1 ? "waarschuwing" : "waarschuwingen"}.${errors > 0 ? " Herstel de fouten; daarna kan het rapport worden gemaakt." : ""}`;
    const list = $("problem-list");
    list.replaceChildren();
    for (const p of problems) {
      const li = document.createElement("li");
      li.className = p.severity;
      const badge = document.createElement("span");
      badge.className = `badge ${p.severity}`;
      badge.textContent = p.severity;
      const where = document.createElement(this.host?.select ? "button" : "span");
      where.className = "where";
      where.textContent = `${p.sheet}!${p.cell}`;
      if (this.host?.select && where instanceof HTMLButtonElement) {
        where.title = `Ga naar ${p.sheet}!${p.cell}`;
        where.addEventListener("click", () => this.guard("check-summary", async () => this.host?.select?.(p.sheet, p.cell)));
      }
      li.append(badge, where, " ", p.message);
      list.append(li);
    }
  }

  private async buildReport(action?: SignAction): Promise<void> {
    if (this.busy) return;
    const steps = $("build-steps");
    const bar = $<HTMLProgressElement>("build-bar");
    const result = $("build-result");
    const started: number[] = [];
    // each step is marked when it really starts, with the time the finished ones took
    const mark = async (i: number, detail = "") => {
      const now = performance.now();
      if (started[i] === undefined) started[i] = now;
      bar.value = i;
      Array.from(steps.children).forEach((li, j) => {
        li.className = j < i ? "done" : j === i ? "active" : "";
        const took = j < i && started[j] !== undefined ? ` — ${seconds((started[j + 1] ?? now) - started[j])}` : "";
        li.textContent = `${STEPS[j]}${j === i && detail ? `: ${detail}` : ""}`;
        if (took) li.append(Object.assign(document.createElement("span"), { className: "time", textContent: took }));
      });
      await paint();
    };
    this.busy = true;
    this.refresh();
    $("build-progress").hidden = false;
    steps.replaceChildren(...STEPS.map((s) => Object.assign(document.createElement("li"), { textContent: s })));
    result.replaceChildren();
    const kind: BuildKind = action?.kind ?? "report";
    try {
      await this.guard("build-result", async () => {
        const host = this.requireHost();
        const checked = await this.readAndCheck((i) => mark(i));
        if (!checked.parse.inputs || !checked.results || !this.read || this.errors) throw new Error("Geen rapport gemaakt: de invoer bevat fouten. Zie het tabblad Controleren.");
        const inputs = checked.parse.inputs;
        const results = checked.results;
        await mark(3);
        // the report planner is its own chunk: loaded on the first build, not at the start
        const { plan } = await import(/* webpackChunkName: "report" */ "./engine");
        const built = plan(this.read, checked, { action });
        if (!built.ok) throw new Error(built.message);
        await mark(4);
        const progress = (m: string) => void mark(4, m);
        const message = await host.write(built.plan, built.records, progress, { kind });
        this.signOff = built.signOff;
        await mark(5);
        const table = document.createElement("table");
        table.className = "summary-table";
        for (const [label, value] of [
          ["Plafond formatieve kosten", results.ceiling.ceiling],
          ["Totaal budget P&C", results.ceiling.totalBudget],
          ["Ruimte onder plafond", results.forecast.roomUnderCeiling],
          ["Meerkosten opdrachtgever", results.forecast.extraCostForClient],
        ] as const) {
          const tr = table.insertRow();
          tr.insertCell().textContent = label;
          const td = tr.insertCell();
          td.className = "num";
          td.textContent = euro(value);
        }
        const p = document.createElement("p");
        p.textContent = `${message} Rapportbladen t/m ${MONTH_NAMES[inputs.settings.reportMonth - 1]}: ${built.plan.sheets.map((s) => s.name).join(", ")}.`;
        const total = document.createElement("p");
        total.className = "muted";
        total.textContent = `Klaar in ${seconds(performance.now() - (started[0] ?? performance.now()))}.`;
        result.replaceChildren(p, table, total);
      });
    } finally {
      this.busy = false;
      this.refresh();
    }
  }
}
