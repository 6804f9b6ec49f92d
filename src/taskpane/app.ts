/** The task pane UI: tabs, and the four tasks (Invoer, Controleren, Rapport, Overzicht). Dutch throughout. */
import { MONTH_NAMES } from "../domain/dates";
import type { Problem } from "../input/grid";
import { euro, renderDashboard, resizeDashboard } from "./dashboard";
import { changedSinceSigning, type SignAction, type SignOff } from "../input/meta";
import { check, plan, signOffOf, type Checked } from "./engine";
import { download, downloadTemplate, FileHost } from "./file-host";
import { signingDocument } from "../pdf/document";
import { renderPdfBlob } from "../pdf/browser";
import type { HostRead, WorkbookHost } from "./host";

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`taskpane: no #${id}`);
  return el as T;
};

const STEPS = ["Werkmap lezen", "Invoer controleren", "Berekenen", "Rapport opbouwen", "Rapport schrijven"];

export interface AppOptions {
  /** the Excel host, when running inside Excel */
  excel?: WorkbookHost & { createTemplate(year: number): Promise<string[]> };
}

export class App {
  private host: WorkbookHost | null;
  private read: HostRead | null = null;
  private checked: Checked | null = null;

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
    } else {
      status.textContent = "Buiten Excel: kies een werkmap om te controleren en een rapport te downloaden.";
      $("file-input").hidden = false;
      $<HTMLInputElement>("download-year").value = String(year);
      this.setupFilePicker();
      $("download-template").addEventListener("click", () => this.guard("input-result", async () => {
        $("input-result").textContent = await downloadTemplate(this.year("download-year"));
      }));
    }
    const month = $<HTMLSelectElement>("report-month");
    month.append(new Option("volgens Instellingen", ""));
    MONTH_NAMES.forEach((m, i) => month.append(new Option(`t/m ${m} (${i + 1})`, String(i + 1))));
    $("run-check").addEventListener("click", () => this.runCheck());
    $("build-report").addEventListener("click", () => this.buildReport());
    const value = (id: string) => $<HTMLInputElement>(id).value;
    $("submit-signoff").addEventListener("click", () => this.buildReport({ kind: "submit", accounthouder: value("sign-accounthouder") }));
    $("sign").addEventListener("click", () => this.buildReport({ kind: "sign", regisseur: value("sign-regisseur"), accounthouder: value("sign-accounthouder") }));
    $("reopen").addEventListener("click", () => this.buildReport({ kind: "reopen", by: value("reopen-by"), reason: value("reopen-reason") }));
    this.addPdfButton();
  }

  /** "PDF om te ondertekenen": the signing document of the inputs as they are now, as a download. */
  private addPdfButton(): void {
    const anchor = document.getElementById("submit-signoff")?.parentElement;
    if (!anchor) return;
    const button = Object.assign(document.createElement("button"), { id: "signing-pdf", type: "button", textContent: "PDF om te ondertekenen" });
    const result = Object.assign(document.createElement("p"), { id: "signing-pdf-result" });
    result.setAttribute("role", "status");
    anchor.append(button);
    anchor.after(result);
    button.addEventListener("click", () => this.guard("signing-pdf-result", async () => {
      button.disabled = true;
      try {
        const host = this.requireHost();
        result.textContent = "De PDF wordt gemaakt…";
        this.read = await host.read();
        this.checked = check(this.read, this.chosenMonth());
        this.showProblems(this.checked.parse.problems);
        this.showSignOff(signOffOf(this.read), this.checked.results?.fingerprint ?? null);
        const { inputs } = this.checked.parse;
        const results = this.checked.results;
        if (!inputs || !results) throw new Error("Geen PDF gemaakt: de invoer bevat fouten. Zie het tabblad Controleren.");
        const blob = await renderPdfBlob(signingDocument(inputs, results, { signOff: signOffOf(this.read) }));
        const name = `addendum-${inputs.settings.year}.pdf`;
        download(blob, name);
        result.textContent = `'${name}' staat in uw downloads (vingerafdruk ${results.fingerprint.slice(0, 12)}…). Laat dit document ondertekenen en bewaar het: met de vingerafdruk erop is later na te gaan of de werkmap nog het getekende addendum bevat.`;
      } finally {
        button.disabled = false;
      }
    }));
  }

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
      if (tab.id === "tab-overzicht") resizeDashboard();
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
      $("input-result").textContent = `'${file.name}' lezen…`;
      this.host = await FileHost.open(file);
      this.read = null;
      this.checked = null;
      $("file-name").textContent = `Gekozen: ${file.name}`;
      $("input-result").textContent = "De werkmap is gelezen. Ga naar Controleren.";
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

  private async runCheck(): Promise<void> {
    await this.guard("check-summary", async () => {
      const host = this.requireHost();
      $("check-summary").textContent = "Bezig met controleren…";
      this.read = await host.read();
      this.checked = check(this.read, this.chosenMonth());
      this.showProblems(this.checked.parse.problems);
      if (this.checked.parse.inputs && this.checked.results) renderDashboard(this.checked.parse.inputs, this.checked.results);
      this.showSignOff(signOffOf(this.read), this.checked.results?.fingerprint ?? null);
    });
  }

  /** The status of the addendum, and a prominent warning when it changed after signing. */
  private showSignOff(so: SignOff | null, fingerprint: string | null): void {
    const status = $("signoff-status");
    status.textContent = so === null || so.status === "Concept"
      ? "Status: Concept"
      : `Status: ${so.status}${so.status === "Ondertekend" ? ` door ${so.regisseur} op ${so.date}` : ""} (accounthouder ${so.accounthouder})`;
    const banner = $("signoff-changed");
    banner.hidden = !(fingerprint !== null && changedSinceSigning(so, fingerprint));
    const signed = so?.status === "Ondertekend" || so?.status === "Ter ondertekening";
    $("reopen-box").hidden = !signed;
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
    const button = $<HTMLButtonElement>("build-report");
    const steps = $("build-steps");
    const bar = $<HTMLProgressElement>("build-bar");
    const result = $("build-result");
    const mark = (i: number, detail = "") => {
      bar.value = i;
      Array.from(steps.children).forEach((li, j) => {
        li.className = j < i ? "done" : j === i ? "active" : "";
        if (j === i && detail) li.textContent = `${STEPS[j]}: ${detail}`;
      });
    };
    button.disabled = true;
    $("build-progress").hidden = false;
    steps.replaceChildren(...STEPS.map((s) => Object.assign(document.createElement("li"), { textContent: s })));
    result.textContent = "";
    const tick = () => new Promise((r) => setTimeout(r, 0)); // let the progress show
    await this.guard("build-result", async () => {
      const host = this.requireHost();
      mark(0);
      await tick();
      this.read = await host.read();
      mark(1);
      await tick();
      this.checked = check(this.read, this.chosenMonth());
      this.showProblems(this.checked.parse.problems);
      this.showSignOff(signOffOf(this.read), this.checked.results?.fingerprint ?? null);
      if (!this.checked.parse.inputs) throw new Error("Geen rapport gemaakt: de invoer bevat fouten. Zie het tabblad Controleren.");
      mark(2);
      await tick();
      const inputs = this.checked.parse.inputs;
      const results = this.checked.results;
      if (results) renderDashboard(inputs, results);
      mark(3);
      await tick();
      const built = plan(this.read, this.checked, { action });
      if (!built.ok) throw new Error(built.message);
      if (!results) throw new Error("Geen rapport gemaakt.");
      mark(4);
      await tick();
      const message = await host.write(built.plan, built.records, (m) => mark(4, m));
      this.showSignOff(built.signOff, results.fingerprint);
      mark(5);
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
      result.replaceChildren(p, table);
    });
    button.disabled = false;
  }
}
