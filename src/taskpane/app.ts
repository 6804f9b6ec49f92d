/**
 * The task pane: the shared state and core (pane.ts, state.ts) and one module per tab (tabs/). Dutch
 * throughout.
 *
 * Everything the pane shows belongs to the workbook or file open now. What it showed is tied to a
 * generation: choosing another file, a change in the workbook (inside Excel) or another rapportagemaand
 * starts a new one, and what was shown for the old one is marked stale (a banner, dimmed and struck-through
 * figures) until the next check; a file that cannot be read, or a check that fails or finds errors, clears
 * the figures instead. The buttons follow the state: nothing to do without a workbook, no report on
 * errors, no Ondertekenen on a signed addendum and Heropenen only there.
 */
import { Pane, type AppOptions } from "./pane";
import { setupCheckTab } from "./tabs/controleren";
import { setupInputTab } from "./tabs/invoer";
import { setupReportTab } from "./tabs/rapport";
import { setupReview } from "./tabs/review";
import { setupTabList } from "./tabs/tablist";

export type { AppOptions };

export class App {
  private readonly pane: Pane;

  constructor(opts: AppOptions) {
    this.pane = new Pane(opts);
  }

  start(): void {
    setupTabList();
    setupInputTab(this.pane);
    setupCheckTab(this.pane);
    setupReportTab(this.pane);
    // after the Rapport tab: its refresh runs first, so the review's can still hold back the sign buttons
    setupReview(this.pane);
    this.pane.refresh();
  }
}
