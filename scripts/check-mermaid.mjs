// Parse every ```mermaid block in the given Markdown files with Mermaid
// itself (under jsdom, as Mermaid expects a DOM), as GitHub would render
// them. Exits 1 if any block does not parse.
//
//   NODE_TOOLS=... node scripts/check-mermaid.mjs FILE.md...
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const require = createRequire(resolve(process.env.NODE_TOOLS) + "/");
const { JSDOM } = require("jsdom");
const dom = new JSDOM("<!DOCTYPE html><body></body>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import(pathToFileURL(require.resolve("mermaid")).href);
mermaid.initialize({ startOnLoad: false });

let blocks = 0, failures = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)) {
    blocks++;
    try {
      await mermaid.parse(m[1]);
    } catch (e) {
      failures++;
      console.log(`${file}: a Mermaid block does not parse: ${String(e.message || e).split("\n").slice(0, 3).join(" ")}`);
    }
  }
}
if (blocks === 0) { console.log("check-mermaid: no Mermaid blocks found: the reports should have a roadmap chart"); process.exit(1); }
if (failures > 0) process.exit(1);
console.log(`check-mermaid: ${blocks} Mermaid blocks in ${process.argv.length - 2} files parse`);
