// the declarations must reach every tsconfig (cli, test, webpack) that compiles this file through an import
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./pdfmake.d.ts" />
/**
 * Renders the signing document in the browser (the task pane, in Excel and outside it) with pdfmake's
 * browser build and its bundled Roboto fonts. Both are loaded only when a PDF is asked for: they weigh
 * about 1 MB and 0.85 MB, which the task pane's start must not carry.
 */
import type { DocDefinition } from "./document";

export async function renderPdfBlob(doc: DocDefinition): Promise<Blob> {
  const [pm, fonts] = await Promise.all([
    import(/* webpackChunkName: "pdfmake" */ "pdfmake/build/pdfmake"),
    import(/* webpackChunkName: "pdfmake-fonts" */ "pdfmake/build/vfs_fonts"),
  ]);
  // CommonJS modules: webpack hands them over as `default`, or as the namespace itself
  const pdfMake = (pm as { default?: typeof pm.default }).default ?? (pm as unknown as typeof pm.default);
  const vfs = (fonts as { default?: Record<string, string> }).default ?? (fonts as unknown as Record<string, string>);
  pdfMake.addVirtualFileSystem(vfs);
  return pdfMake.createPdf(doc).getBlob();
}
