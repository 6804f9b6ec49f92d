/**
 * A small, fast pull scanner for the XML parts we read (worksheets, shared strings): start tags with their
 * attribute text, end tags, and character data (CDATA included), entities decoded. It is not a validating
 * parser, but it refuses what is not well-formed XML by throwing an XmlError: a tag, comment or CDATA section
 * that never closes, an end tag that does not match its start tag, an element left open (a truncated part),
 * more than one root element or text outside it, a character XML 1.0 does not allow (raw control
 * characters), and an `&` that starts no entity reference. A damaged part is then reported, not read or
 * written on. Measured against saxes on a 100,000-row worksheet it takes about a third of the time, which
 * is most of the file host's reading.
 */

export class XmlError extends Error {}

export interface XmlHandler {
  /** a start tag: its local name (prefix removed), the raw attribute text, and whether it is empty (`/>`) */
  open(name: string, attrs: string, empty: boolean): void;
  close(name: string): void;
  text(s: string): void;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (_, e: string) => (e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : NAMED[e]));
}

/** Characters XML 1.0 does not allow (section 2.2): C0 controls but tab, LF and CR; U+FFFE and U+FFFF. */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/** What may follow an `&`: one of the five predefined entities or a character reference (sticky). */
const REFERENCE = /&(?:#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/y;

/** Whether every `&` in `xml` starts a reference (an indexOf walk: cheaper than one regex over the part). */
function ampersandsOk(xml: string): boolean {
  for (let i = xml.indexOf("&"); i >= 0; i = xml.indexOf("&", i + 1)) {
    REFERENCE.lastIndex = i;
    if (!REFERENCE.test(xml)) return false;
  }
  return true;
}

/** Throw an XmlError unless `xml` is made of XML characters and every `&` starts a reference. */
function checkCharacters(xml: string): void {
  if (NOT_XML_CHAR.test(xml)) throw new XmlError("a character XML does not allow");
  if (ampersandsOk(xml)) return;
  // CDATA sections and comments may hold a bare '&'
  if (!xml.includes("<![CDATA[") && !xml.includes("<!--")) throw new XmlError("an '&' that starts no entity reference");
  if (!ampersandsOk(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, ""))) throw new XmlError("an '&' that starts no entity reference");
}

function local(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** Scan `xml`, calling the handler; text is only decoded and passed on when `wantText()` says so. */
export function scanXml(xml: string, h: XmlHandler, wantText: () => boolean): void {
  const s = new XmlScanner(h, wantText);
  s.feed(xml);
  s.end();
}

/**
 * The same scanner fed piece by piece (a part inflated in chunks, or what the worksheet fast path of
 * sheet-bytes.ts leaves to it): each `feed` handles every complete construct and keeps the incomplete rest
 * for the next piece; `end` checks that nothing is left open. The checks are those of a whole scan.
 */
export class XmlScanner {
  private carry = "";
  /** the raw names of the open elements */
  private readonly open: string[] = [];
  /** their local names, for the handler */
  private readonly openLocal: string[] = [];
  private roots = 0;

  constructor(private readonly h: XmlHandler, private readonly wantText: () => boolean) {}

  feed(chunk: string): void {
    const xml = this.carry === "" ? chunk : this.carry + chunk;
    const done = this.scan(xml);
    checkCharacters(done === xml.length ? xml : xml.slice(0, done));
    this.carry = done === xml.length ? "" : xml.slice(done);
  }

  end(): void {
    const rest = this.carry;
    this.carry = "";
    if (rest.indexOf("<") >= 0) {
      if (rest.startsWith("<![CDATA[")) throw new XmlError("unterminated CDATA");
      if (rest.startsWith("<!--")) throw new XmlError("unterminated comment");
      throw new XmlError("unterminated tag");
    }
    if (rest !== "") {
      checkCharacters(rest);
      if (this.open.length === 0) {
        if (rest.trim() !== "") throw new XmlError("text outside the root element");
      } else if (this.wantText()) this.h.text(decodeEntities(rest));
    }
    if (this.open.length !== 0) throw new XmlError("unclosed elements");
    if (this.roots === 0) throw new XmlError("no root element");
  }

  /** Handle every complete construct of `xml`; returns where the incomplete rest starts. */
  private scan(xml: string): number {
    const { h, wantText, open, openLocal } = this;
    const n = xml.length;
    let pos = 0;
    while (pos < n) {
      const lt = xml.indexOf("<", pos);
      // text runs to the next tag: without one it may go on in the next piece
      if (lt < 0) return pos;
      if (lt > pos) {
        if (open.length === 0) {
          if (xml.slice(pos, lt).trim() !== "") throw new XmlError("text outside the root element");
        } else if (wantText()) h.text(decodeEntities(xml.slice(pos, lt)));
      }
      pos = lt;
      if (lt + 1 >= n) return pos;
      const c = xml.charCodeAt(lt + 1);
      if (c === 33 /* ! */) {
        // a construct cut short at the end of the piece is completed by the next one
        if (n - lt < 9 && ("<![CDATA[".startsWith(xml.slice(lt)) || "<!--".startsWith(xml.slice(lt)))) return pos;
        if (xml.startsWith("<![CDATA[", lt)) {
          const close = xml.indexOf("]]>", lt + 9);
          if (close < 0) return pos;
          if (wantText()) h.text(xml.slice(lt + 9, close));
          pos = close + 3;
        } else if (xml.startsWith("<!--", lt)) {
          const close = xml.indexOf("-->", lt + 4);
          if (close < 0) return pos;
          pos = close + 3;
        } else {
          const close = xml.indexOf(">", lt);
          if (close < 0) return pos;
          pos = close + 1;
        }
        continue;
      }
      if (c === 63 /* ? */) {
        const close = xml.indexOf("?>", lt);
        if (close < 0) return pos;
        pos = close + 2;
        continue;
      }
      // a tag: find its end, skipping '>' inside quoted attribute values
      let i = lt + 1;
      let quote = 0;
      for (; i < n; i++) {
        const ch = xml.charCodeAt(i);
        if (quote) {
          if (ch === quote) quote = 0;
        } else if (ch === 34 || ch === 39) quote = ch;
        else if (ch === 62 /* > */) break;
      }
      if (i >= n) return pos;
      if (c === 47 /* / */) {
        // compared in place with the open element's name (no slice per end tag)
        const top = open.pop();
        if (top === undefined) throw new XmlError("end tag without start tag");
        const after = lt + 2 + top.length;
        if (after > i || !xml.startsWith(top, lt + 2) || (after < i && xml.slice(after, i).trim() !== "")) throw new XmlError("end tag does not match its start tag");
        h.close(openLocal.pop()!);
      } else {
        const empty = xml.charCodeAt(i - 1) === 47;
        const inner = xml.slice(lt + 1, empty ? i - 1 : i);
        let k = 0;
        while (k < inner.length) {
          const ch = inner.charCodeAt(k);
          if (ch === 32 || ch === 9 || ch === 10 || ch === 13) break;
          k++;
        }
        const raw = inner.slice(0, k);
        const name = local(raw);
        if (name === "") throw new XmlError("tag without a name");
        if (open.length === 0 && this.roots++ > 0) throw new XmlError("more than one root element");
        h.open(name, inner.slice(k), empty);
        if (empty) h.close(name);
        else {
          open.push(raw);
          openLocal.push(name);
        }
      }
      pos = i + 1;
    }
    return pos;
  }
}

const NOTHING: XmlHandler = { open: () => undefined, close: () => undefined, text: () => undefined };

/** Throw an XmlError unless `xml` is well-formed (as far as scanXml checks). */
export function checkWellFormed(xml: string): void {
  scanXml(xml, NOTHING, () => false);
}

/** One attribute's value from a tag's attribute text (by exact name, e.g. `r`, `t`, `r:id`), decoded. */
export function attrValue(attrs: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const i = attrs.indexOf(name, from);
    if (i < 0) return undefined;
    from = i + name.length;
    const before = i === 0 ? 32 : attrs.charCodeAt(i - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let j = i + name.length;
    while (attrs.charCodeAt(j) === 32) j++;
    if (attrs.charCodeAt(j) !== 61 /* = */) continue;
    j++;
    while (attrs.charCodeAt(j) === 32) j++;
    const q = attrs.charCodeAt(j);
    if (q !== 34 && q !== 39) continue;
    const close = attrs.indexOf(q === 34 ? '"' : "'", j + 1);
    if (close < 0) return undefined;
    return decodeEntities(attrs.slice(j + 1, close));
  }
}

/** An attribute by local name whatever its prefix (`r:id`, `ns2:id`). */
export function attrByLocal(attrs: string, localName: string): string | undefined {
  const re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${localName}\\s*=\\s*("([^"]*)"|'([^']*)')`);
  const m = re.exec(attrs);
  return m ? decodeEntities(m[2] ?? m[3] ?? "") : undefined;
}
