// Render Markdown files as GitHub does (marked with GitHub's Markdown CSS,
// Mermaid drawing each ```mermaid block at the width of the column) in
// headless Chromium, at a phone's width and a laptop's, and check what a
// reader would see:
//
//   - every roadmap label, section title and the chart's title lies inside
//     the chart, no label runs into the section titles, and no two axis
//     labels overlap;
//   - no ID (inline code) or date in a table breaks across lines.
//
// Exits 1 when anything fails, naming the file, the width and the text.
// With SHOTS=DIR it also writes a screenshot of every chart there.
//
//   NODE_TOOLS=... CHROMIUM=/usr/bin/chromium node scripts/check-rendered.mjs FILE.md...
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { basename, join, resolve } from "node:path";
import { tmpdir } from "node:os";

const tools = resolve(process.env.NODE_TOOLS) + "/";
const require = createRequire(tools);
const { marked } = require("marked");
const puppeteer = require("puppeteer-core");
const css = readFileSync(require.resolve("github-markdown-css/github-markdown-light.css"), "utf8");
const mermaidURL = pathToFileURL(require.resolve("mermaid").replace(/[^/]*$/, "mermaid.esm.min.mjs")).href;

// The widths a reader sees the page at: phones (390 and 414 px, the
// column 30 px narrower) and a laptop (GitHub's column at most 980 px).
const widths = [390, 414, 1280];
// Mermaid's gantt margin for section titles (its default leftPadding).
const leftPadding = 75;

function html(md) {
  const renderer = new marked.Renderer();
  const code = renderer.code.bind(renderer);
  renderer.code = (tok) => tok.lang === "mermaid"
    ? `<div class="mermaid">${tok.text.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</div>`
    : code(tok);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${css}
.markdown-body{box-sizing:border-box;min-width:200px;max-width:980px;margin:0 auto;padding:45px}
@media (max-width:767px){.markdown-body{padding:15px}}</style></head>
<body><article class="markdown-body">${marked.parse(md, { gfm: true, renderer })}</article>
<script type="module">
import mermaid from ${JSON.stringify(mermaidURL)};
mermaid.initialize({ startOnLoad: false });
try { await mermaid.run({ querySelector: "div.mermaid" }); window.rendered = "ok"; }
catch (e) { window.rendered = String(e); }
</script></body></html>`;
}

// check runs in the page: what a reader would find wrong.
function check(leftPadding) {
  const problems = [];
  const box = (e) => e.getBBox();
  document.querySelectorAll("div.mermaid svg").forEach((svg, n) => {
    const chart = `chart ${n + 1}`;
    const width = svg.viewBox.baseVal.width || svg.getBBox().width;
    const inside = (b) => b.x >= -0.5 && b.x + b.width <= width + 0.5;
    for (const t of svg.querySelectorAll("text[class*=taskText]")) {
      const b = box(t);
      if (!inside(b) || b.x < leftPadding - 1) problems.push(`${chart}: the label "${t.textContent}" is cut off or runs into the section titles (x ${b.x.toFixed(0)} to ${(b.x + b.width).toFixed(0)} of ${width.toFixed(0)})`);
    }
    for (const t of svg.querySelectorAll("text.sectionTitle, text[class*=sectionTitle]")) {
      const b = box(t);
      if (b.x < -0.5 || b.x + b.width > leftPadding) problems.push(`${chart}: the section title "${t.textContent}" is wider than the margin (${b.width.toFixed(0)} px)`);
    }
    for (const t of svg.querySelectorAll("text.titleText")) {
      if (!inside(box(t))) problems.push(`${chart}: the title "${t.textContent}" is cut off`);
    }
    const ticks = [...svg.querySelectorAll(".tick text")].map((t) => t.getBoundingClientRect()).filter((r) => r.width > 0).sort((a, b) => a.left - b.left);
    for (let i = 1; i < ticks.length; i++) {
      if (ticks[i].left < ticks[i - 1].right) problems.push(`${chart}: axis labels overlap`);
    }
  });
  // IDs and dates in tables stay on one line.
  const lines = (range) => new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  for (const td of document.querySelectorAll("td")) {
    for (const c of td.querySelectorAll("code")) {
      const r = document.createRange();
      r.selectNodeContents(c);
      if (lines(r) > 1) problems.push(`the ID ${c.textContent.replace(/\u2060/g, "")} breaks across lines in a table`);
    }
    // A date or a status that starts a cell (a title's own "2023-26" may
    // break like any other text).
    const first = document.createTreeWalker(td, NodeFilter.SHOW_TEXT).nextNode();
    for (const node of first && !first.parentElement.closest("code") ? [first] : []) {
      for (const m of node.data.matchAll(/^\s*(?:\d{4}(?:-\u2060?\d{2}){1,2}|(?:◌|○|▶|▲|✖|✔|—)\u00a0[a-z]+(?:-\u2060?[a-z]+)?)/g)) {
        const r = document.createRange();
        r.setStart(node, m.index);
        r.setEnd(node, m.index + m[0].length);
        if (lines(r) > 1) problems.push(`"${m[0].replace(/\u2060/g, "")}" breaks across lines in a table`);
      }
    }
  }
  return problems;
}

const files = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--allow-file-access-from-files", "--disable-gpu"],
});
const dir = mkdtempSync(join(tmpdir(), "engage-rendered-"));
let failures = 0, charts = 0;
try {
  const page = await browser.newPage();
  for (const file of files) {
    const path = join(dir, basename(file) + ".html");
    writeFileSync(path, html(readFileSync(file, "utf8")));
    for (const width of widths) {
      await page.setViewport({ width, height: 900 });
      await page.goto(pathToFileURL(path).href);
      await page.waitForFunction("window.rendered", { timeout: 60000 });
      const rendered = await page.evaluate("window.rendered");
      if (rendered !== "ok") {
        failures++;
        console.log(`${file} at ${width} px: Mermaid could not draw a chart: ${rendered}`);
        continue;
      }
      for (const p of await page.evaluate(check, leftPadding)) {
        failures++;
        console.log(`${file} at ${width} px: ${p}`);
      }
      const svgs = await page.$$("div.mermaid");
      if (width === widths[0]) charts += svgs.length;
      if (process.env.SHOTS) {
        for (let i = 0; i < svgs.length; i++) await svgs[i].screenshot({ path: join(process.env.SHOTS, `${basename(file, ".md")}-${width}-chart${i + 1}.png`) });
      }
    }
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
if (failures > 0) process.exit(1);
console.log(`check-rendered: ${files.length} files at ${widths.join(", ")} px: ${charts} charts with every label inside, no ID or date broken in a table`);
