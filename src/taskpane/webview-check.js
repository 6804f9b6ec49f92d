/*
 * Runs before the task pane's bundle, in any webview (ES5 on purpose, no modules): the bundle is ES2022 and
 * needs a Chromium-based webview (Excel 2021 and later, Microsoft 365, Excel on the web) or Safari 15 and
 * later (Excel for Mac). Excel 2019 and 2016 open add-ins in Internet Explorer 11 or EdgeHTML, where the
 * bundle cannot even be parsed and the pane would stay on "Bezig met laden…": say so, in Dutch, instead.
 * Built-ins from the same years as the syntax the bundle uses stand in for it (the page's CSP forbids eval).
 */
/* global document */
(function () {
  var ok = typeof Promise !== "undefined" && typeof Promise.any === "function" &&
    typeof String.prototype.replaceAll === "function" && typeof WeakRef === "function";
  if (ok) return;
  var status = document.getElementById("host-status");
  if (status) {
    status.className = "host-status error";
    status.textContent = "Deze versie van Excel wordt niet ondersteund. De add-in werkt in Excel 2021 en later, " +
      "Microsoft 365 (Windows, Mac) en Excel op het web. Werk Excel bij, of open de werkmap in Excel op het web.";
  }
  document.documentElement.setAttribute("data-unsupported", "webview");
})();
