/** The part of pdfmake's (0.3) server API that src/pdf/node.ts uses. */
declare module "pdfmake" {
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    setFonts(fonts: Record<string, Record<"normal" | "bold" | "italics" | "bolditalics", string>>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(doc: object, options?: object): OutputDocument;
  }
  const pdfmake: PdfMake;
  export = pdfmake;
}

/** pdfmake's browser build (0.3): the same API, with the fonts from a virtual file system. */
declare module "pdfmake/build/pdfmake" {
  interface BrowserOutputDocument {
    getBlob(): Promise<Blob>;
    getBuffer(): Promise<Uint8Array>;
  }
  interface BrowserPdfMake {
    addVirtualFileSystem(vfs: Record<string, string>): void;
    createPdf(doc: object, options?: object): BrowserOutputDocument;
  }
  const pdfMake: BrowserPdfMake;
  export default pdfMake;
}

/** The Roboto TTF files as base64, keyed by file name (pdfmake's browser font container). */
declare module "pdfmake/build/vfs_fonts" {
  const vfs: Record<string, string>;
  export default vfs;
}
