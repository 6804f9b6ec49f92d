/**
 * Ribbon commands. The "DVO Addendum" button opens the task pane (a ShowTaskpane action in the manifest);
 * this page only has to tell Office it is ready.
 */
Office.onReady(() => undefined);
