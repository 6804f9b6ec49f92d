/**
 * What the task pane knows, and whether it still belongs to the open workbook. Everything shown is tied to
 * a generation: choosing another file, a change in the workbook (inside Excel) or another rapportagemaand
 * starts a new one, and what was shown for the old one is stale until the next check.
 */
import type { SignOff } from "../records";
import type { CheckView, Runner } from "./runner";

export class PaneState {
  /** where the workbook's jobs run: inside Excel the page, outside it the file worker */
  host: Runner | null = null;
  checked: CheckView | null = null;
  /** the sign-off record of the last check, or as the last build left it */
  signOff: SignOff | null = null;
  /** which workbook state is open now; bumped by another file, a workbook change, another month */
  generation = 0;
  /** the generation of what is shown (check, overview, report result); null: nothing shown */
  shownGeneration: number | null = null;
  /** the workbook what is shown came from, e.g. 'invoer.xlsx' */
  shownSource = "";
  busy = false;

  get fresh(): boolean {
    return this.shownGeneration !== null && this.shownGeneration === this.generation;
  }

  get errors(): boolean {
    return this.checked !== null && this.checked.problems.some((p) => p.severity === "fout");
  }

  /** a fresh check without errors, with its results */
  get checkedInputs(): boolean {
    return this.fresh && !this.errors && this.checked?.inputs != null;
  }

  forget(): void {
    this.checked = null;
    this.signOff = null;
    this.shownGeneration = null;
    this.shownSource = "";
  }
}
