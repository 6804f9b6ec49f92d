/** Task pane entry: inside Excel use Office.js; anywhere else work on a chosen file. */
import { ExcelHost, MIN_API, supports } from "../office/host";
import { App } from "./app";
import { watchWorkbook } from "./excel-changes";

function start(inExcel: boolean): void {
  const app = new App(inExcel ? { excel: new ExcelHost(), watch: watchWorkbook } : {});
  app.start();
  document.body.dataset.ready = inExcel ? "excel" : "file";
}

function boot(): void {
  if (typeof Office === "undefined") {
    start(false); // Office.js could not be loaded (offline, outside Office): the file mode still works
    return;
  }
  Office.onReady((info) => {
    const inExcel = info.host === Office.HostType.Excel;
    if (inExcel && !supports(MIN_API)) {
      const status = document.getElementById("host-status");
      if (status) status.textContent = `Deze versie van Excel is te oud voor de add-in (ExcelApi ${MIN_API} nodig). Werk Excel bij, of gebruik Excel op het web.`;
      return;
    }
    start(inExcel);
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
else boot();
