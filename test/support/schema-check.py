"""Validate OOXML parts against the ECMA-376 schemas with xmllint (test/xml-schema.test.ts).

Reads JSON from stdin: [{"file": path, "schema": path}, ...]. Prints JSON: {path: [error, ...]}
(an empty list: the part validates). One xmllint run per schema, with every part for it.

Before xmllint sees a part it is read as a consumer that understands only ECMA-376 reads it, per
ECMA-376 Part 3 (Markup Compatibility, docs/architecture.md "Testing"):
  - attributes and elements in a namespace the root lists in mc:Ignorable are left out (Excel's own
    extensions such as x14ac:knownFonts, xr:uid), as is mc:Ignorable itself;
  - mc:AlternateContent is replaced by the content of its mc:Fallback (or by nothing);
  - the content of an extension element (<ext uri="...">, declared xsd:any) is kept as it is.
And xml:space (XML 1.0 itself, section 2.10) is left out: Excel writes xml:space="preserve" on every
<t> that keeps its spaces, and the ECMA schemas do not declare it on the simple-typed text elements.
Nothing else is changed; a part that is not well-formed is reported as such.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def ns_of(tag):
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def preprocess(path):
    """The part as an ECMA-only consumer sees it (bytes), or raise ET.ParseError."""
    prefixes = {}
    for event, (prefix, uri) in ET.iterparse(path, events=("start-ns",)):
        prefixes.setdefault(prefix, uri)
    for prefix, uri in prefixes.items():
        ET.register_namespace(prefix, uri) if prefix and not re.match(r"ns\d+$", prefix) else None
    tree = ET.parse(path)
    root = tree.getroot()
    ignorable = set()
    for el in root.iter():
        value = el.attrib.get("{%s}Ignorable" % MC)
        if value:
            ignorable.update(prefixes.get(p, p) for p in value.split())

    def clean(el):
        for name in list(el.attrib):
            if ns_of(name) in ignorable or ns_of(name) == MC or name == XML_SPACE:
                del el.attrib[name]
        out = []
        for child in list(el):
            if child.tag == "{%s}AlternateContent" % MC:
                fallback = child.find("{%s}Fallback" % MC)
                out.extend(fallback if fallback is not None else [])
            elif ns_of(child.tag) in ignorable:
                continue
            else:
                out.append(child)
        for child in list(el):
            el.remove(child)
        for child in out:
            # an extension (<ext uri="…">) holds anything (xsd:any, lax): its content is not ours to strip
            if not child.tag.endswith("}ext"):
                clean(child)
            el.append(child)

    clean(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def main():
    jobs = json.load(sys.stdin)
    result = {job["file"]: [] for job in jobs}
    by_schema = {}
    with tempfile.TemporaryDirectory(prefix="dvo-xsd-") as tmp:
        for i, job in enumerate(jobs):
            try:
                data = preprocess(job["file"])
            except ET.ParseError as e:
                result[job["file"]].append("not well-formed: %s" % e)
                continue
            copy = os.path.join(tmp, "%d.xml" % i)
            with open(copy, "wb") as f:
                f.write(data)
            by_schema.setdefault(job["schema"], []).append((copy, job["file"]))
        for schema, files in by_schema.items():
            back = {copy: orig for copy, orig in files}
            run = subprocess.run(["xmllint", "--noout", "--schema", schema] + [c for c, _ in files],
                                 capture_output=True, text=True)
            for line in run.stderr.splitlines():
                m = re.match(r"(.+?\.xml)(?::\d+)?: (.*)$", line)
                if not m or m.group(1) not in back:
                    if "failed to compile" in line or "parser error" in line:
                        raise SystemExit("schema %s: %s" % (schema, line))
                    continue
                if m.group(2) in ("validates", "fails to validate"):
                    continue
                result[back[m.group(1)]].append(m.group(2))
            for copy, orig in files:
                if run.returncode not in (0, 3) and not result[orig] and ("%s validates" % copy) not in run.stderr:
                    result[orig].append("xmllint exit %d: %s" % (run.returncode, run.stderr[-300:]))
    json.dump(result, sys.stdout)


main()
