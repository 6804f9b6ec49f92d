/**
 * Task pane entry: inside Excel use Office.js; anywhere else work on a chosen file. The Excel host (and the
 * Office.js writer behind it) is its own chunk, loaded only inside Excel.
 */
import { App } from "./app";

function setStatus(text: string): void {
  const status = document.getElementById("host-status");
  if (status) status.textContent = text;
}

function startFile(): void {
  new App({}).start();
  document.body.dataset.ready = "file";
}

async function startExcel(): Promise<void> {
  const [{ ExcelHost, MIN_API, supports }, { watchWorkbook }] = await Promise.all([
    import(/* webpackChunkName: "excel" */ "../office/host"),
    import(/* webpackChunkName: "excel" */ "./excel-changes"),
  ]);
  if (!supports(MIN_API)) {
    setStatus(`Deze versie van Excel is te oud voor de add-in (ExcelApi ${MIN_API} nodig). Werk Excel bij, of gebruik Excel op het web.`);
    return;
  }
  // next year's workbook opens as a new workbook (ExcelApi 1.8; MIN_API is higher)
  new App({ excel: new ExcelHost(), watch: watchWorkbook, createWorkbook: (base64) => Excel.createWorkbook(base64) }).start();
  document.body.dataset.ready = "excel";
}

function boot(): void {
  if (typeof Office === "undefined") {
    startFile(); // Office.js could not be loaded (offline, outside Office): the file mode still works
    return;
  }
  Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) {
      startExcel().catch((e: unknown) => setStatus(`De add-in kon niet starten: ${e instanceof Error ? e.message : String(e)}`));
    } else {
      startFile();
    }
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
else boot();
