/**
 * The task pane's shared core: the state, the options from where it runs, and what every tab does alike —
 * run a task with its error shown as a Dutch sentence, mark what is shown as stale or clear it, and redraw
 * the controls of every tab from the state.
 */
import type { WorkbookHost } from "../job/host";
import { clearDashboard } from "./dashboard";
import { Cancelled, ExcelRunner, type Runner } from "./runner";
import { PaneState } from "./state";
import { $ } from "./ui";

export interface AppOptions {
  /** the Excel host, when running inside Excel */
  excel?: WorkbookHost & { createTemplate(year: number): Promise<string[]> };
  /** inside Excel: report changes to the workbook's input sheets (sheet name, "" when unknown) */
  watch?: (onChange: (sheet: string) => void) => Promise<void>;
  /** inside Excel: open an .xlsx (base64) as a new workbook (Excel.createWorkbook, ExcelApi 1.8) */
  createWorkbook?: (base64: string) => Promise<void>;
}

export class Pane {
  readonly state = new PaneState();
  private readonly refreshers: Array<() => void> = [];

  constructor(readonly opts: AppOptions) {
    this.state.host = opts.excel ? new ExcelRunner(opts.excel) : null;
  }

  /** a tab's controls, redrawn from the state whenever it changes */
  onRefresh(fn: () => void): void {
    this.refreshers.push(fn);
  }

  refresh(): void {
    const stale = this.state.shownGeneration !== null && !this.state.fresh;
    document.body.dataset.stale = String(stale);
    $("stale-banner").hidden = !stale;
    for (const fn of this.refreshers) fn();
  }

  /** The open workbook changed: mark what is shown as stale, with the reason. */
  invalidate(reason: string): void {
    this.state.generation += 1;
    if (this.state.shownGeneration !== null) $("stale-text").textContent = ` ${reason} Controleer opnieuw om de cijfers van ${this.state.host?.describe() ?? "de werkmap"} te zien.`;
    this.refresh();
  }

  /** Remove everything shown for a workbook (a file that cannot be read, a failed check). */
  clearShown(why: string): void {
    this.state.forget();
    $("check-summary").textContent = "";
    $("problem-list").replaceChildren();
    $("build-result").replaceChildren();
    $("build-progress").hidden = true;
    $("signing-pdf-result").textContent = "";
    $("next-year-result").replaceChildren();
    clearDashboard(why);
    this.refresh();
  }

  /** Run a task; any error becomes a Dutch sentence in `target`, never a silent failure. */
  async guard(target: string, task: () => Promise<void>): Promise<void> {
    const el = $(target);
    el.classList.remove("error", "cancelled");
    try {
      await task();
    } catch (e) {
      // Annuleren is the user's own choice: said plainly, not as an error
      el.classList.add(e instanceof Cancelled ? "cancelled" : "error");
      el.textContent = e instanceof Error ? e.message : String(e);
    } finally {
      this.refresh();
    }
  }

  /** Run a task that keeps the pane busy (buttons disabled) until it ends. */
  async busyWith(target: string, task: () => Promise<void>): Promise<void> {
    if (this.state.busy) return;
    this.state.busy = true;
    this.refresh();
    try {
      await this.guard(target, task);
    } finally {
      this.state.busy = false;
      this.refresh();
    }
  }

  /**
   * Run a job of `runner` with the Annuleren button `button` shown (outside Excel, where a job runs in the
   * file worker and can be stopped); a cancelled job ends with `cancelled` as its Dutch message.
   */
  async cancellable<T>(button: string, runner: Runner, cancelled: string, task: () => Promise<T>): Promise<T> {
    if (!runner.cancel) return task();
    const el = $<HTMLButtonElement>(button);
    const stop = () => runner.cancel?.();
    el.hidden = false;
    el.addEventListener("click", stop);
    try {
      return await task();
    } catch (e) {
      throw e instanceof Cancelled ? new Cancelled(cancelled) : e;
    } finally {
      el.hidden = true;
      el.removeEventListener("click", stop);
    }
  }

  requireHost(): Runner {
    if (!this.state.host) throw new Error("Kies eerst een werkmap op het tabblad Invoer.");
    return this.state.host;
  }

  /** A year typed in a field, or a Dutch sentence. */
  year(id: string): number {
    const v = Number($<HTMLInputElement>(id).value);
    if (!Number.isInteger(v) || v < 2000 || v > 2100) throw new Error("Vul een jaar tussen 2000 en 2100 in.");
    return v;
  }
}
