// the declarations must reach every tsconfig (cli, test, webpack) that compiles this file through an import
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./pdfmake.d.ts" />
/**
 * Renders the signing document in Node with pdfmake and the Roboto TTF files that ship in its npm package
 * (embedded as subsets). No network and no other file access: the URL policy refuses everything and the
 * local policy allows only the font folder.
 */
import * as path from "node:path";
import pdfmake from "pdfmake";
import type { DocDefinition } from "./document";

let ready = false;

function fontDir(): string {
  return path.join(path.dirname(require.resolve("pdfmake/package.json")), "fonts", "Roboto");
}

export async function renderPdf(doc: DocDefinition): Promise<Buffer> {
  const dir = fontDir();
  if (!ready) {
    pdfmake.setFonts({
      Roboto: {
        normal: path.join(dir, "Roboto-Regular.ttf"),
        bold: path.join(dir, "Roboto-Medium.ttf"),
        italics: path.join(dir, "Roboto-Italic.ttf"),
        bolditalics: path.join(dir, "Roboto-MediumItalic.ttf"),
      },
    });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(dir + path.sep));
    ready = true;
  }
  return pdfmake.createPdf(doc).getBuffer();
}
