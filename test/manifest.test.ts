/**
 * A local structural check of manifest.xml: `office-addin-manifest validate` posts the file to a web
 * service and cannot run here. Well-formed XML, the schema's element order, every resid defined and used,
 * ids and lengths, https URLs, icons that exist, Dutch with an English fallback, and the production URL
 * swapped in by the build.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { SaxesParser } from "saxes";
import { ensureProductionBuild } from "./support/build";

interface Node { name: string; attrs: Record<string, string>; children: Node[]; text: string }

function parse(xml: string): Node {
  const parser = new SaxesParser({ xmlns: false });
  const root: Node = { name: "#root", attrs: {}, children: [], text: "" };
  const stack: Node[] = [root];
  parser.on("opentag", (t) => {
    const n: Node = { name: t.name, attrs: t.attributes as Record<string, string>, children: [], text: "" };
    stack[stack.length - 1].children.push(n);
    stack.push(n);
  });
  parser.on("text", (t) => (stack[stack.length - 1].text += t));
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  return root.children[0];
}

function all(n: Node, pred: (n: Node) => boolean, out: Node[] = []): Node[] {
  if (pred(n)) out.push(n);
  n.children.forEach((c) => all(c, pred, out));
  return out;
}
const child = (n: Node, name: string) => n.children.find((c) => c.name === name);

const ROOT = path.join(__dirname, "..");
const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

describe("manifest.xml", () => {
  const doc = parse(xml);

  test("is a task pane add-in manifest for Excel", () => {
    expect(doc.name).toBe("OfficeApp");
    expect(doc.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(all(doc, (n) => n.name === "Host" && n.attrs.Name === "Workbook")).toHaveLength(1);
    expect(child(doc, "Id")?.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(child(doc, "Version")?.text).toMatch(/^\d+(\.\d+){0,3}$/);
  });

  test("top-level elements follow the schema's order", () => {
    const order = ["Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl",
      "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];
    const names = doc.children.map((c) => c.name);
    expect(names.every((n) => order.includes(n))).toBe(true);
    expect(names).toEqual([...names].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "Hosts", "DefaultSettings", "Permissions"]) {
      expect(names).toContain(required);
    }
  });

  test("Dutch by default with an English fallback; lengths within the schema's limits", () => {
    expect(child(doc, "DefaultLocale")?.text).toBe("nl-NL");
    for (const el of ["DisplayName", "Description"]) {
      const n = child(doc, el);
      expect(n?.attrs.DefaultValue.length).toBeLessThanOrEqual(el === "DisplayName" ? 125 : 250);
      expect(n?.children.find((o) => o.attrs.Locale === "en-US")?.attrs.Value).toBeTruthy();
    }
    for (const s of all(doc, (n) => n.name === "bt:String")) {
      const long = all(doc, (n) => n.name === "bt:LongStrings")[0].children.includes(s);
      expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(long ? 250 : 125);
      expect(s.children.some((o) => o.attrs.Locale === "en-US")).toBe(true);
    }
  });

  test("every resid is defined once, every resource is used, ids are short and unique", () => {
    const defined = all(doc, (n) => ["bt:Image", "bt:Url", "bt:String"].includes(n.name) && n.attrs.id !== undefined).map((n) => n.attrs.id);
    const used = all(doc, (n) => n.attrs.resid !== undefined).map((n) => n.attrs.resid);
    expect(new Set(defined).size).toBe(defined.length);
    for (const r of used) expect(defined).toContain(r);
    for (const d of defined) expect(used).toContain(d);
    for (const id of [...defined, ...all(doc, (n) => (n.name === "Group" || n.name === "Control") && !!n.attrs.id).map((n) => n.attrs.id)]) {
      expect(id.length).toBeLessThanOrEqual(32);
    }
    expect(all(doc, (n) => n.name === "Action" && n.attrs["xsi:type"] === "ShowTaskpane")).toHaveLength(1);
    expect(all(doc, (n) => n.name === "OfficeTab")[0].attrs.id).toBe("TabHome");
  });

  test("all URLs are https and the icons exist in assets/", () => {
    const urls = all(doc, (n) => n.attrs.DefaultValue?.startsWith("http") ?? false).map((n) => n.attrs.DefaultValue);
    urls.push(...all(doc, (n) => n.name === "AppDomain").map((n) => n.text));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
    const icons = urls.filter((u) => /\/assets\/.+\.png$/.test(u));
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const u of icons) expect(existsSync(path.join(ROOT, "assets", path.basename(new URL(u).pathname)))).toBe(true);
    for (const size of [16, 32, 64, 80]) expect(existsSync(path.join(ROOT, "assets", `icon-${size}.png`))).toBe(true);
  });

  test("needs ExcelApi 1.14 (Excel 2021 and later, Microsoft 365, the web), which the task pane checks before it starts", () => {
    const set = all(doc, (n) => n.name === "Set" && n.attrs.Name === "ExcelApi")[0];
    expect(set.attrs.MinVersion).toBe("1.14");
    expect(readFileSync(path.join(ROOT, "src", "office", "host.ts"), "utf8")).toContain(`MIN_API = "${set.attrs.MinVersion}"`);
  });

  test("the production build swaps every localhost URL for the production URL", () => {
    const dist = ensureProductionBuild();
    const built = readFileSync(path.join(dist, "manifest.xml"), "utf8");
    expect(built).not.toContain("localhost");
    expect(parse(built).name).toBe("OfficeApp");
    expect(built).toContain("https://");
  }, 600_000);
});
