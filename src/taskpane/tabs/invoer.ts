/**
 * Invoer: inside Excel, create the input sheets that are missing; outside Excel, choose a workbook (or
 * download an empty one). And "Volgend jaar": next year's workbook from the checked inputs, with optional
 * cao estimates (../next-year.ts) — a download outside Excel, a new workbook inside; the open workbook or
 * chosen file is never changed.
 */
import { download, downloadTemplate, XLSX_TYPE } from "../file-host";
import { CaoList, openAsNewWorkbook } from "../next-year";
import type { Pane } from "../pane";
import { Cancelled } from "../runner";
import { $, megabytes, paint, seconds } from "../ui";
import { rowsText, WorkerRunner } from "../worker-runner";

export function setupInputTab(pane: Pane): void {
  const year = new Date().getFullYear();
  const status = $("host-status");
  if (pane.opts.excel) {
    status.textContent = "Verbonden met Excel: de add-in werkt in deze werkmap.";
    $("excel-input").hidden = false;
    $<HTMLInputElement>("template-year").value = String(year);
    $("create-sheets").addEventListener("click", () => createSheets(pane));
    // the add-in's own writes raise no events (src/office/write.ts switches them off while it writes)
    pane.opts.watch?.((sheet) => {
      pane.invalidate(sheet ? `Het blad '${sheet}' is gewijzigd na de laatste controle.` : "De werkmap is gewijzigd na de laatste controle.");
    }).catch(() => undefined);
  } else {
    status.textContent = "Buiten Excel: kies een werkmap om te controleren en een rapport te downloaden.";
    $("file-input").hidden = false;
    $("file-name").after($("input-result")); // what happened to the chosen file, right under it
    $<HTMLInputElement>("download-year").value = String(year);
    setupFilePicker(pane);
    $("download-template").addEventListener("click", () => pane.guard("input-result", async () => {
      $("input-result").textContent = await downloadTemplate(pane.year("download-year"));
    }));
  }
  const caoList = new CaoList($("cao-list"));
  $("add-cao").addEventListener("click", () => caoList.add());
  $("next-year-build").addEventListener("click", () => buildNextYear(pane, caoList));
  pane.onRefresh(() => refreshNextYear(pane));
}

async function createSheets(pane: Pane): Promise<void> {
  await pane.guard("input-result", async () => {
    const excel = pane.opts.excel;
    if (!excel) return;
    const made = await excel.createTemplate(pane.year("template-year"));
    $("input-result").textContent = made.length === 0
      ? "Alle invoerbladen bestaan al; er is niets gewijzigd."
      : `Aangemaakt: ${made.join(", ")}. Vul ze in en ga naar Controleren.`;
  });
}

function setupFilePicker(pane: Pane): void {
  const picker = $<HTMLInputElement>("file-picker");
  const zone = $("drop-zone");
  const s = pane.state;
  const open = (file: File | undefined) => file && pane.guard("input-result", async () => {
    s.busy = true;
    pane.refresh();
    $("input-result").textContent = `'${file.name}' lezen (${megabytes(file.size)})…`;
    const t0 = performance.now();
    await paint();
    const before = s.host;
    const runner = new WorkerRunner(file);
    try {
      // read in the file worker (the pane stays responsive): rows read of rows, as the worker reports them
      await pane.cancellable("read-cancel", runner, `Het lezen van '${file.name}' is geannuleerd. Er is geen werkmap geopend: kies opnieuw een werkmap.`, () =>
        runner.open((sheet, row, of) => {
          $("input-result").textContent = `'${file.name}' lezen: ${rowsText(sheet, row, of)}…`;
        }));
      s.host = runner;
    } catch (e) {
      // no workbook is open now: nothing of the previous one may stay on screen
      s.host = null;
      s.generation += 1;
      $("file-name").textContent = "";
      pane.clearShown(e instanceof Cancelled
        ? `Er is geen werkmap geopend: het lezen van '${file.name}' is geannuleerd. Kies een invoerwerkmap op het tabblad Invoer.`
        : `Er is geen werkmap geopend: '${file.name}' kon niet worden gelezen. Kies een invoerwerkmap op het tabblad Invoer.`);
      throw e;
    } finally {
      s.busy = false;
      before?.dispose?.();
      picker.value = ""; // choosing the same file again (after editing it, or after Annuleren) reads it again
    }
    $("file-name").textContent = `Gekozen: ${file.name}`;
    $("next-year-result").replaceChildren(); // it spoke of the file chosen before
    pane.invalidate(`U heeft '${file.name}' gekozen; wat hieronder staat hoort bij ${s.shownSource}.`);
    $("input-result").textContent = `De werkmap is gelezen (${seconds(performance.now() - t0)}). Ga naar Controleren.`;
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

/** Next year: only from a fresh check without errors, with the reason when not. */
function refreshNextYear(pane: Pane): void {
  const s = pane.state;
  const noHost = s.host === null;
  $<HTMLButtonElement>("next-year-build").disabled = s.busy || noHost || !s.checkedInputs;
  $("next-year-hint").textContent = noHost
    ? (pane.opts.excel ? "" : "Kies eerst een werkmap hierboven en controleer die (tabblad Controleren).")
    : s.shownGeneration === null || s.checked === null ? "Controleer eerst de invoer (tabblad Controleren): de nieuwe werkmap komt uit de gecontroleerde invoer."
      : !s.fresh ? "Controleer opnieuw: er is iets veranderd na de laatste controle (zie de melding bovenaan)."
        : s.errors ? "De invoer bevat fouten: herstel ze (zie Controleren) en controleer opnieuw." : "";
}

/**
 * "Werkmap volgend jaar maken": next year's workbook from the checked inputs (the grids of the last
 * check), built in the page; a download outside Excel, a new workbook inside. The open one is not changed.
 */
async function buildNextYear(pane: Pane, caoList: CaoList): Promise<void> {
  if (pane.state.busy) return;
  const result = $("next-year-result");
  // null: an estimate is wrong (its message is shown beside it)
  const raises = caoList.validate();
  if (raises === null) {
    result.classList.add("error");
    result.textContent = "Geen werkmap gemaakt: een cao-raming is niet in orde (zie de melding bij de raming).";
    return;
  }
  await pane.busyWith("next-year-result", async () => {
    const host = pane.state.host;
    if (!host || !pane.state.checkedInputs) throw new Error("Controleer eerst de invoer (tabblad Controleren); de invoer mag geen fouten bevatten.");
    result.textContent = "De werkmap voor het volgende jaar wordt gemaakt…";
    await paint();
    const t0 = performance.now();
    const p = await host.nextYear(raises);
    const name = `invoer-${p.year}.xlsx`;
    let done: string;
    if (pane.opts.excel) {
      if (!pane.opts.createWorkbook) throw new Error("Deze versie van Excel kan geen nieuwe werkmap openen vanuit de add-in (ExcelApi 1.8 nodig).");
      await openAsNewWorkbook(p.bytes, pane.opts.createWorkbook);
      done = `De werkmap voor ${p.year} is geopend als nieuwe werkmap: sla hem op, bijvoorbeeld als '${name}'. Deze werkmap is niet gewijzigd.`;
    } else {
      download(new Blob([p.bytes as BlobPart], { type: XLSX_TYPE }), name);
      done = `'${name}' staat in uw downloads. Het gekozen bestand zelf is niet gewijzigd.`;
    }
    const facts = [
      `Jaar ${p.year}, Rapportagemaand 1; Instellingen, Formatie en Openingstijden${p.ledgerMap ? " en Grootboek" : ""} overgenomen.`,
      `Salaristabel: ${p.salary.own} eigen regels, ${p.salary.bundled} uit de meegeleverde cao-tabellen, ${p.salary.estimated} geraamd${raises.length > 0 ? ` (${raises.map((r) => r.label).join("; ")})` : ""}.`,
      p.carriedCases.length > 0
        ? `Verzuim: ${p.carriedCases.length} open ${p.carriedCases.length === 1 ? "dossier" : "dossiers"} overgenomen (${p.carriedCases.join(", ")}) met wat er van de verwachte kosten over is: raam ze voor ${p.year} opnieuw en maak daarna op Verzuim de cel 'Opnieuw ramen' leeg.`
        : "Verzuim: geen open dossiers.",
      `Het addendum ${p.year - 1} staat op het blad 'Vorig addendum'; het rapport ${p.year} vergelijkt ermee.`,
    ];
    const ul = document.createElement("ul");
    ul.className = "next-year-facts";
    for (const f of facts) ul.append(Object.assign(document.createElement("li"), { textContent: f }));
    const took = Object.assign(document.createElement("p"), { className: "muted", textContent: `Klaar in ${seconds(performance.now() - t0)}.` });
    result.replaceChildren(Object.assign(document.createElement("p"), { textContent: done }), ul, took);
  });
}
