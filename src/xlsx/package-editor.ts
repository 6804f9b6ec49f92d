/**
 * The package editor of the file host's writer (write.ts): the workbook part's sheet list and defined names,
 * its relationships, the content types, docProps/app.xml's sheet titles and calcChain.xml — the only parts
 * of the user's package a build edits; every other part is copied through byte for byte.
 */
import { CONTENT_TYPE, escapeXml, findTags, NS, Package, REL, relativeTarget, relsPathOf, type PartWriter } from "./package";
import type { ReadBook } from "./read";
import { StyleBook } from "./styles";
import type { SheetEntry } from "./workbook";

export interface NewSheet {
  name: string;
  state: SheetEntry["state"];
  /** the sheet's XML, as text or as UTF-8 bytes (in pieces) */
  xml: string | Uint8Array | Uint8Array[] | PartWriter;
  /** extra parts hanging off the sheet: [part name, content, content type, relationship type] */
  children?: Array<{ part: string; xml: string; contentType: string; relType: string; grandchildren?: Array<{ part: string; xml: string; contentType: string; relType: string }> }>;
}

function relsXml(rels: Array<{ id: string; type: string; target: string }>): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join("")}</Relationships>`;
}

export class PackageEditor {
  private readonly pkg: Package;
  private workbookXml: string;
  private relsXmlText: string;
  private ctXml: string;
  private readonly wbPart: string;
  private readonly wbRels: string;
  /** sheet entries in workbook order, as they will be written */
  private readonly sheets: Array<SheetEntry & { xmlTag?: string }>;
  private readonly removedIndexes: number[] = [];
  private nextSheetId: number;
  private nextRel: number;
  private readonly removed = new Set<string>();

  constructor(book: ReadBook) {
    this.pkg = book.pkg;
    this.wbPart = book.info.part;
    this.wbRels = relsPathOf(this.wbPart);
    this.workbookXml = this.pkg.text(this.wbPart)!;
    this.relsXmlText = this.pkg.text(this.wbRels) ?? relsXml([]);
    this.ctXml = this.pkg.text("[Content_Types].xml")!;
    const tags = findTags(this.workbookXml, "sheet");
    this.sheets = book.info.sheets.map((s, i) => ({ ...s, xmlTag: tags[i]?.text }));
    this.nextSheetId = Math.max(0, ...book.info.sheets.map((s) => s.sheetId)) + 1;
    this.nextRel = Math.max(0, ...book.info.rels.map((r) => Number(/(\d+)$/.exec(r.id)?.[1] ?? 0))) + 1;
  }

  find(name: string): SheetEntry | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  private newRelId(existing: Set<string>): string {
    let id = `rId${this.nextRel++}`;
    while (existing.has(id)) id = `rId${this.nextRel++}`;
    return id;
  }

  private addOverride(part: string, type: string): void {
    const name = `/${part}`;
    if (findTags(this.ctXml, "Override").some((o) => (o.attrs.PartName ?? "").toLowerCase() === name.toLowerCase())) return;
    const close = this.ctXml.lastIndexOf("</");
    this.ctXml = `${this.ctXml.slice(0, close)}<Override PartName="${escapeXml(name)}" ContentType="${type}"/>${this.ctXml.slice(close)}`;
  }

  private removeOverride(part: string): void {
    const name = `/${part}`.toLowerCase();
    for (const o of findTags(this.ctXml, "Override")) {
      if ((o.attrs.PartName ?? "").toLowerCase() === name) this.ctXml = this.ctXml.replace(o.text, "");
    }
  }

  /** Remove a part we own and whatever hangs off it that no part we keep refers to. */
  private removePartTree(part: string): void {
    const queue = [part];
    const doomed = new Set<string>();
    while (queue.length) {
      const p = queue.pop()!;
      const n = this.pkg.resolve(p);
      if (!n || doomed.has(n)) continue;
      doomed.add(n);
      for (const r of this.pkg.relationships(n)) if (!r.external && r.part) queue.push(r.part);
    }
    // parts that something outside the doomed tree still refers to are kept
    const kept = new Set<string>();
    for (const relsPart of this.pkg.partNames().filter((n) => n.toLowerCase().endsWith(".rels"))) {
      const source = relsPart.replace(/(^|\/)_rels\/([^/]+)\.rels$/i, "$1$2");
      const src = this.pkg.resolve(source) ?? source;
      if (doomed.has(src) || this.removed.has(src)) continue;
      for (const r of this.pkg.relationships(src)) if (!r.external) kept.add(this.pkg.resolve(r.part) ?? r.part);
    }
    for (const n of doomed) {
      if (n !== this.pkg.resolve(part) && kept.has(n)) continue;
      this.pkg.delete(relsPathOf(n));
      this.pkg.delete(n);
      this.removeOverride(n);
      this.removed.add(n);
    }
  }

  private relTargets(): Set<string> {
    return new Set(findTags(this.relsXmlText, "Relationship").map((r) => r.attrs.Id ?? ""));
  }

  private addWorkbookRel(type: string, part: string): string {
    const id = this.newRelId(this.relTargets());
    const close = this.relsXmlText.lastIndexOf("</");
    this.relsXmlText = `${this.relsXmlText.slice(0, close)}<Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(this.wbPart, part))}"/>${this.relsXmlText.slice(close)}`;
    return id;
  }

  private removeWorkbookRel(id: string): void {
    for (const r of findTags(this.relsXmlText, "Relationship")) if (r.attrs.Id === id) this.relsXmlText = this.relsXmlText.replace(r.text, "");
  }

  /** Remove a sheet of ours from the workbook, with its part tree. */
  removeSheet(name: string): void {
    const i = this.sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
    if (i < 0) return;
    const s = this.sheets[i];
    this.sheets.splice(i, 1);
    this.removedIndexes.push(i);
    this.removeWorkbookRel(s.rId);
    if (s.part) this.removePartTree(s.part);
    this.removeCalcChain();
  }

  /** calcChain lists formula cells by sheet id; after a sheet is removed Excel would repair the file. */
  private removeCalcChain(): void {
    const rel = findTags(this.relsXmlText, "Relationship").find((r) => (r.attrs.Type ?? "").endsWith("/calcChain"));
    if (!rel) return;
    const part = this.pkg.resolve(rel.attrs.Target?.startsWith("/") ? rel.attrs.Target.slice(1) : `${this.wbPart.slice(0, this.wbPart.lastIndexOf("/") + 1)}${rel.attrs.Target ?? ""}`);
    this.relsXmlText = this.relsXmlText.replace(rel.text, "");
    if (part) {
      this.pkg.delete(part);
      this.removeOverride(part);
    }
  }

  /**
   * Write a sheet we own: replace the content of the sheet with this name if the workbook has it (it keeps
   * its place among the sheets), else append it. Its old drawings and charts go; the new ones are added.
   */
  putSheet(sheet: NewSheet): void {
    let entry = this.sheets.find((s) => s.name.toLowerCase() === sheet.name.toLowerCase() && s.part);
    let part: string;
    if (entry) {
      part = entry.part;
      this.clearChildren(sheet.name);
      if (entry.state !== sheet.state) this.setState(entry, sheet.state);
    } else {
      part = this.pkg.freeName(`${this.wbPart.slice(0, this.wbPart.lastIndexOf("/") + 1)}worksheets/sheet`, ".xml");
      const rId = this.addWorkbookRel(REL.worksheet, part);
      entry = { name: sheet.name, sheetId: this.nextSheetId++, state: sheet.state, rId, part, kind: "worksheet" };
      this.sheets.push(entry);
      this.addOverride(part, CONTENT_TYPE.worksheet);
    }
    this.pkg.set(part, sheet.xml);
    const rels: Array<{ id: string; type: string; target: string }> = [];
    for (const [i, child] of (sheet.children ?? []).entries()) {
      rels.push({ id: `rId${i + 1}`, type: child.relType, target: relativeTarget(part, child.part) });
      this.pkg.set(child.part, child.xml);
      this.addOverride(child.part, child.contentType);
      const grand = child.grandchildren ?? [];
      if (grand.length) {
        this.pkg.set(relsPathOf(child.part), relsXml(grand.map((g, k) => ({ id: `rId${k + 1}`, type: g.relType, target: relativeTarget(child.part, g.part) }))));
        for (const g of grand) {
          this.pkg.set(g.part, g.xml);
          this.addOverride(g.part, g.contentType);
        }
      }
    }
    if (rels.length) this.pkg.set(relsPathOf(part), relsXml(rels));
  }

  /** Drop what hangs off a sheet of ours (its drawing and charts), keeping the sheet part itself. */
  clearChildren(name: string): void {
    const part = this.partOf(name);
    if (!part) return;
    for (const r of this.pkg.relationships(part)) if (!r.external && r.part) this.removePartTree(r.part);
    this.pkg.delete(relsPathOf(part));
  }

  private setState(entry: SheetEntry & { xmlTag?: string }, state: SheetEntry["state"]): void {
    entry.state = state;
    if (entry.xmlTag) entry.xmlTag = entry.xmlTag.replace(/\s+state="[^"]*"/, "").replace(/\s*\/>$/, state === "visible" ? "/>" : ` state="${state}"/>`);
  }

  /** The sheet part of an existing sheet, for appending to it. */
  partOf(name: string): string | undefined {
    return this.find(name)?.part || undefined;
  }

  /** A free part name for a chart or drawing. */
  freeName(prefix: string, suffix: string, taken: Set<string>): string {
    for (let i = 1; ; i++) {
      const n = `${prefix}${i}${suffix}`;
      if (!this.pkg.has(n) && !taken.has(n.toLowerCase())) {
        taken.add(n.toLowerCase());
        return n;
      }
    }
  }

  get xlFolder(): string {
    return this.wbPart.slice(0, this.wbPart.lastIndexOf("/") + 1);
  }

  /** Write the workbook part, its relationships, the content types and app.xml back. */
  finish(activeName: string | undefined, styles: StyleBook, stylesPart: string | undefined, printNames: PrintName[] = []): void {
    // the sheet list
    const sheetsMatch = /<([\w.-]+:)?sheets(?:\s[^>]*)?>[\s\S]*?<\/\1?sheets>/.exec(this.workbookXml);
    const p = sheetsMatch?.[1] ?? "";
    // the relationships namespace is declared on each new element: writers differ in where they declare it
    // (openpyxl puts xmlns:r on every <sheet>, not on the root), and a prefix out of scope breaks the part
    const sheetTag = (s: SheetEntry & { xmlTag?: string }) => s.xmlTag ?? `<${p}sheet xmlns:r="${NS.rel}" name="${escapeXml(s.name)}" sheetId="${s.sheetId}"${s.state === "visible" ? "" : ` state="${s.state}"`} r:id="${s.rId}"/>`;
    if (sheetsMatch) {
      const open = /<([\w.-]+:)?sheets(?:\s[^>]*)?>/.exec(sheetsMatch[0])![0];
      this.workbookXml = this.workbookXml.replace(sheetsMatch[0], `${open}${this.sheets.map(sheetTag).join("")}</${p}sheets>`);
    }
    // old index → new index (removed sheets are gone; appended ones come after)
    const oldCount = this.sheets.length + this.removedIndexes.length;
    const map = new Map<number, number>();
    {
      // each index was recorded against the list as it was at that removal
      let list = Array.from({ length: oldCount }, (_, i) => i);
      for (const r of this.removedIndexes) list = list.filter((_, k) => k !== r);
      list.forEach((old, now) => map.set(old, now));
    }
    this.workbookXml = this.workbookXml.replace(/<([\w.-]+:)?definedName\b([^>]*)>([\s\S]*?)<\/\1?definedName>/g, (whole, _p: string, attrs: string) => {
      const m = /localSheetId="(\d+)"/.exec(attrs);
      if (!m) return whole;
      const now = map.get(Number(m[1]));
      return now === undefined ? "" : whole.replace(/localSheetId="\d+"/, `localSheetId="${now}"`);
    });
    // an empty <definedNames/> (openpyxl writes one) goes, or ours would come as a second definedNames element
    this.workbookXml = this.workbookXml.replace(/<([\w.-]+:)?definedNames(?:\s[^>]*)?\/>/, "");
    this.setPrintNames(printNames, p);
    this.workbookXml = this.workbookXml.replace(/<([\w.-]+:)?definedNames(?:\s[^>]*)?>\s*<\/\1?definedNames>/, "");
    // which sheet the workbook opens on
    const view = findTags(this.workbookXml, "workbookView")[0];
    if (view) {
      const active = Number(view.attrs.activeTab ?? 0);
      let now = map.get(active);
      if (now === undefined || this.sheets[now]?.state !== "visible") {
        now = activeName ? this.sheets.findIndex((s) => s.name === activeName) : 0;
      }
      const first = map.get(Number(view.attrs.firstSheet ?? 0)) ?? 0;
      let tag = view.text.replace(/\s+(activeTab|firstSheet)="\d+"/g, "");
      tag = tag.replace(/(\s*\/?>)$/, `${now > 0 ? ` activeTab="${now}"` : ""}${first > 0 ? ` firstSheet="${first}"` : ""}$1`);
      this.workbookXml = this.workbookXml.replace(view.text, tag);
    }
    this.pkg.set(this.wbPart, this.workbookXml);
    // the style sheet
    if (styles.changed() || !stylesPart) {
      let part = stylesPart;
      if (!part) {
        part = `${this.xlFolder}styles.xml`;
        this.addWorkbookRel(REL.styles, part);
        this.addOverride(part, CONTENT_TYPE.styles);
      }
      this.pkg.set(part, styles.toXml());
    }
    this.pkg.set(this.wbRels, this.relsXmlText);
    this.pkg.set("[Content_Types].xml", this.ctXml);
    this.updateAppXml();
  }

  /**
   * The print areas and print titles of our sheets (`_xlnm.Print_Area`, `_xlnm.Print_Titles`, local to the
   * sheet): the ones an earlier build left on the sheets we wrote are replaced; the user's are left alone.
   */
  private setPrintNames(names: PrintName[], p: string): void {
    const ours = new Set(names.map((n) => this.sheets.findIndex((s) => s.name === n.sheet)).filter((i) => i >= 0));
    this.workbookXml = this.workbookXml.replace(/<([\w.-]+:)?definedName\b([^>]*)>([\s\S]*?)<\/\1?definedName>/g, (whole, _q: string, attrs: string) => {
      const id = /localSheetId="(\d+)"/.exec(attrs);
      return id && ours.has(Number(id[1])) && /name="_xlnm\.Print_(Area|Titles)"/.test(attrs) ? "" : whole;
    });
    const add = names.map((n) => {
      const i = this.sheets.findIndex((s) => s.name === n.sheet);
      return i < 0 ? "" : `<${p}definedName name="${n.name}" localSheetId="${i}">${escapeXml(n.ref)}</${p}definedName>`;
    }).join("");
    if (!add) return;
    const close = new RegExp(`</${p}definedNames>`).exec(this.workbookXml);
    if (close) {
      this.workbookXml = this.workbookXml.slice(0, close.index) + add + this.workbookXml.slice(close.index);
      return;
    }
    // CT_Workbook: definedNames comes after sheets, functionGroups and externalReferences
    const after = [`</${p}externalReferences>`, `</${p}functionGroups>`, `</${p}sheets>`].map((t) => ({ t, i: this.workbookXml.indexOf(t) })).find((x) => x.i >= 0);
    if (!after) return;
    const at = after.i + after.t.length;
    this.workbookXml = `${this.workbookXml.slice(0, at)}<${p}definedNames>${add}</${p}definedNames>${this.workbookXml.slice(at)}`;
  }

  /** docProps/app.xml lists the worksheet titles; keep it in step with the sheet list. */
  private updateAppXml(): void {
    const part = this.pkg.resolve("docProps/app.xml");
    const xml = part ? this.pkg.text(part) : undefined;
    if (!part || !xml || !/<TitlesOfParts>/.test(xml) || !/<HeadingPairs>/.test(xml)) return;
    const names = this.sheets.map((s) => s.name);
    const titles = `<TitlesOfParts><vt:vector size="${names.length}" baseType="lpstr">${names.map((n) => `<vt:lpstr>${escapeXml(n)}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts>`;
    const heading = `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Werkbladen</vt:lpstr></vt:variant><vt:variant><vt:i4>${names.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>`;
    if (!/xmlns:vt=/.test(xml)) return;
    this.pkg.set(part, xml.replace(/<TitlesOfParts>[\s\S]*?<\/TitlesOfParts>/, titles).replace(/<HeadingPairs>[\s\S]*?<\/HeadingPairs>/, heading));
  }
}

export interface PrintName {
  sheet: string;
  name: "_xlnm.Print_Area" | "_xlnm.Print_Titles";
  ref: string;
}

/** "A1:I60" → $A$1:$I$60; "1:4" → $1:$4 */
export function absolute(range: string): string {
  return range.split(":").map((r) => r.replace(/^([A-Za-z]*)(\d*)$/, (_, c: string, n: string) => `${c ? `$${c.toUpperCase()}` : ""}${n ? `$${n}` : ""}`)).join(":");
}
