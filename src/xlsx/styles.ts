/**
 * The workbook's style sheet, edited by appending: our fonts, fills, borders, number formats, cell formats
 * (xf) and conditional formats (dxf) are added after the user's, which keep their indexes, so every cell of
 * an input sheet still points at the style it had. An entry identical to one already there (ours from an
 * earlier build) is reused rather than added again.
 */
import type { ConditionalFormat, PlanCell } from "../report/plan";
import { CONDITIONAL_LOOKS, FONT_NAME, LOOKS, WRAP_VERTICAL, type Edge, type Look } from "../report/palette";
import { escapeXml } from "./package";

const FONT = FONT_NAME;

type FontSpec = Look["font"];

/** Number formats Excel has built in (ECMA-376 §18.8.30), by code. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11, "@": 49 };

/** Child elements of each section we add to, in the schema's order of CT_Stylesheet. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;
type Section = (typeof ORDER)[number];
const CHILD: Partial<Record<Section, string>> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf", dxfs: "dxf", cellStyleXfs: "xf" };

const MINIMAL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="${FONT}"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`;

export class StyleBook {
  private xml: string;
  /** element prefix of the style sheet ("" or e.g. "x:") */
  private readonly p: string;
  private readonly lists = new Map<Section, string[]>();
  private readonly added = new Map<Section, string[]>();
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmt = 164;
  private readonly xfCache = new Map<string, number>();

  constructor(xml: string | undefined) {
    this.xml = xml ?? MINIMAL;
    const root = /<([\w.-]+:)?styleSheet[\s>]/.exec(this.xml);
    this.p = root?.[1] ?? "";
    for (const s of ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"] as const) this.lists.set(s, this.children(s));
    for (const nf of this.lists.get("numFmts")!) {
      const id = Number(/numFmtId="(\d+)"/.exec(nf)?.[1]);
      const code = /formatCode="([^"]*)"/.exec(nf)?.[1];
      if (Number.isInteger(id)) {
        this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
        if (code !== undefined) this.numFmtIds.set(code, id);
      }
    }
  }

  private section(s: Section): RegExpExecArray | null {
    return new RegExp(`<${this.p}${s}(?=[\\s/>])[^>]*?(?:/>|>([\\s\\S]*?)</${this.p}${s}>)`).exec(this.xml);
  }

  private children(s: Section): string[] {
    const m = this.section(s);
    if (!m || !m[1]) return [];
    const c = CHILD[s]!;
    const re = new RegExp(`<${this.p}${c}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${this.p}${c}>)`, "g");
    return m[1].match(re) ?? [];
  }

  /** Index of an element in a section, adding it at the end when no identical one is there. */
  private index(s: Section, el: string): number {
    const list = this.lists.get(s)!;
    const i = list.indexOf(el);
    if (i >= 0) return i;
    list.push(el);
    const add = this.added.get(s) ?? [];
    add.push(el);
    this.added.set(s, add);
    return list.length - 1;
  }

  private el(name: string, attrs = "", body?: string): string {
    return body === undefined ? `<${this.p}${name}${attrs}/>` : `<${this.p}${name}${attrs}>${body}</${this.p}${name}>`;
  }

  numFmt(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const known = this.numFmtIds.get(escapeXml(code));
    if (known !== undefined) return known;
    const id = this.nextNumFmt++;
    const el = this.el("numFmt", ` numFmtId="${id}" formatCode="${escapeXml(code)}"`);
    this.lists.get("numFmts")!.push(el);
    this.added.set("numFmts", [...(this.added.get("numFmts") ?? []), el]);
    this.numFmtIds.set(escapeXml(code), id);
    return id;
  }

  private font(f: FontSpec): number {
    const body = `${f.bold ? this.el("b") : ""}${f.italic ? this.el("i") : ""}${this.el("sz", ` val="${f.size}"`)}${f.color ? this.el("color", ` rgb="FF${f.color}"`) : ""}${this.el("name", ` val="${FONT}"`)}${this.el("family", ' val="2"')}`;
    return this.index("fonts", this.el("font", "", body));
  }

  private fill(rgb: string | undefined): number {
    if (!rgb) return 0;
    return this.index("fills", this.el("fill", "", this.el("patternFill", ' patternType="solid"', `${this.el("fgColor", ` rgb="FF${rgb}"`)}${this.el("bgColor", ' indexed="64"')}`)));
  }

  private border(look: Look): number {
    if (!look.bottom && !look.top) return 0;
    const side = (name: string, edge?: Edge) => (edge ? this.el(name, ` style="${edge.weight}"`, this.el("color", ` rgb="FF${edge.color}"`)) : this.el(name));
    return this.index("borders", this.el("border", "", `${side("left")}${side("right")}${side("top", look.top)}${side("bottom", look.bottom)}${side("diagonal")}`));
  }

  /** The cell format (xf index) of a plan cell. */
  xf(c: PlanCell, unlocked = false): number {
    const align = c.align;
    const key = `${c.s ?? ""}|${c.nf ?? ""}|${c.wrap ? 1 : 0}|${align ?? ""}|${unlocked ? 1 : 0}`;
    const hit = this.xfCache.get(key);
    if (hit !== undefined) return hit;
    const look = c.s ? LOOKS[c.s] : undefined;
    const fontId = look ? this.font(look.font) : 0;
    const fillId = this.fill(look?.fill);
    const borderId = look ? this.border(look) : 0;
    const numFmtId = c.nf ? this.numFmt(c.nf) : 0;
    const wrap = c.wrap || look?.wrap;
    const alignment = wrap || align ? this.el("alignment", `${align ? ` horizontal="${align}"` : ""}${wrap ? ` vertical="${WRAP_VERTICAL}" wrapText="1"` : ""}`) : "";
    const protection = unlocked ? this.el("protection", ' locked="0"') : "";
    const attrs = ` numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}${borderId ? ' applyBorder="1"' : ""}${alignment ? ' applyAlignment="1"' : ""}${protection ? ' applyProtection="1"' : ""}`;
    const id = this.index("cellXfs", this.el("xf", attrs, alignment || protection ? alignment + protection : undefined));
    this.xfCache.set(key, id);
    return id;
  }

  /** The differential format of a conditional format. */
  dxf(style: ConditionalFormat["style"]): number {
    const look = CONDITIONAL_LOOKS[style];
    const body = `${this.el("font", "", this.el("color", ` rgb="FF${look.font}"`))}${this.el("fill", "", this.el("patternFill", "", this.el("bgColor", ` rgb="FF${look.fill}"`)))}`;
    return this.index("dxfs", this.el("dxf", "", body));
  }

  /** Whether anything was added. */
  changed(): boolean {
    return [...this.added.values()].some((a) => a.length > 0);
  }

  toXml(): string {
    let xml = this.xml;
    for (const s of ORDER) {
      const add = this.added.get(s);
      if (!add || add.length === 0) continue;
      const count = this.lists.get(s)!.length;
      const m = new RegExp(`<${this.p}${s}(?=[\\s/>])([^>]*?)(/>|>([\\s\\S]*?)</${this.p}${s}>)`).exec(xml);
      const attrs = (m?.[1] ?? "").replace(/\s*count="\d*"/, "");
      const body = (m?.[3] ?? "") + add.join("");
      const el = `<${this.p}${s}${attrs} count="${count}">${body}</${this.p}${s}>`;
      if (m) xml = xml.slice(0, m.index) + el + xml.slice(m.index + m[0].length);
      else {
        // insert before the first section that comes after it in the schema, else before the end
        let at = -1;
        for (const later of ORDER.slice(ORDER.indexOf(s) + 1)) {
          const l = new RegExp(`<${this.p}${later}(?=[\\s/>])`).exec(xml);
          if (l) { at = l.index; break; }
        }
        if (at < 0) at = xml.lastIndexOf(`</${this.p}styleSheet>`);
        xml = xml.slice(0, at) + el + xml.slice(at);
      }
    }
    return xml;
  }
}
