// Reads engage's web pages in a real browser (Debian's chromium, driven by
// puppeteer-core) and checks what make test promises of them:
//   - axe-core: no violation of WCAG 2.0, 2.1 and 2.2 A and AA, at 1280
//     and 320 CSS px wide;
//   - Pa11y with its HTML_CodeSniffer runner (WCAG2AA): no error;
//   - no request leaves the page (only file: and data: addresses load), and
//     the page holds no script: it works without JavaScript;
//   - reflow: at 320 CSS px the page does not scroll sideways;
//   - one h1, headings in order, every table with a caption and header
//     cells with scope;
//   - screenshots at 1280 and 375 px of the pages named with --shot, into
//     --out, to be looked at;
//   - a print to PDF (A4) of the page named with --pdf, whose text (read
//     by pdftotext) holds every heading and every table caption.
// The Nu HTML Checker runs separately (make check-html), as one Java
// process over every page.
// Usage: node scripts/check-html.mjs --out DIR [--shot PAGE]... [--pdf PAGE] PAGE...
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const require = createRequire(path.join(process.env.NODE_TOOLS, 'x.js'));
const puppeteer = require('puppeteer-core');
const pa11y = require('pa11y');
const axePath = require.resolve('axe-core/axe.min.js');

const args = process.argv.slice(2);
let out = 'bin/browser';
const shots = [];
let pdf = '';
const pages = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') out = args[++i];
  else if (args[i] === '--shot') shots.push(path.resolve(args[++i]));
  else if (args[i] === '--pdf') pdf = path.resolve(args[++i]);
  else pages.push(path.resolve(args[i]));
}
if (pages.length === 0) {
  console.error('usage: node scripts/check-html.mjs --out DIR [--shot PAGE]... [--pdf PAGE] PAGE...');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });

const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(`check-html: no browser at ${chromium}: make check-html installs Debian's chromium`);
  process.exit(1);
}
const browser = await puppeteer.launch({
  executablePath: chromium,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'],
});

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let failures = 0;
const fail = (page, msg) => { failures++; console.error(`FAIL ${path.relative(process.cwd(), page)}: ${msg}`); };

async function open(file, width) {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.setRequestInterception(true);
  const outside = [];
  page.on('request', (req) => {
    const u = req.url();
    if (u.startsWith('file:') || u.startsWith('data:')) req.continue();
    else { outside.push(u); req.abort(); }
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, outside };
}

async function axe(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, tags);
}

const name = (file) => path.relative(process.cwd(), file).replace(/^(\.\.[\\/])+/, '').replace(/[\\/]/g, '_').replace(/\.html$/, '');

for (const file of pages) {
  // Wide: axe, structure, requests, no scripts.
  const { page, outside } = await open(file, 1280);
  for (const u of outside) fail(file, `requests ${u}: a page must make no request elsewhere`);
  const facts = await page.evaluate(() => {
    const hs = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')];
    const levels = hs.map((h) => Number(h.tagName[1]));
    const skips = [];
    levels.forEach((l, i) => { if (i > 0 && l > levels[i - 1] + 1) skips.push(`${hs[i - 1].tagName} then ${hs[i].tagName} "${hs[i].textContent.trim()}"`); });
    const tables = [...document.querySelectorAll('table')];
    return {
      lang: document.documentElement.lang,
      h1: document.querySelectorAll('h1').length,
      first: levels[0],
      skips,
      scripts: document.querySelectorAll('script').length,
      uncaptioned: tables.filter((t) => !t.querySelector('caption') || !t.querySelector('caption').textContent.trim()).length,
      unscoped: [...document.querySelectorAll('th')].filter((th) => !['col', 'row', 'colgroup', 'rowgroup'].includes(th.getAttribute('scope'))).length,
      skip: !!document.querySelector('a.nhsuk-skip-link[href="#maincontent"]') && !!document.getElementById('maincontent'),
      badLinks: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((h) => !/^(https?:\/\/|#|[a-z0-9._-]+\.html(#[a-z0-9-]+)?$|assets\/)/i.test(h)),
    };
  });
  if (facts.lang !== 'en-GB') fail(file, `lang is "${facts.lang}", want en-GB`);
  if (facts.h1 !== 1 || facts.first !== 1) fail(file, `${facts.h1} h1 elements (the first heading is h${facts.first}), want one h1 first`);
  for (const s of facts.skips) fail(file, `headings skip a level: ${s}`);
  if (facts.scripts) fail(file, `${facts.scripts} script elements: pages must work without JavaScript`);
  if (facts.uncaptioned) fail(file, `${facts.uncaptioned} tables without a caption`);
  if (facts.unscoped) fail(file, `${facts.unscoped} header cells without scope`);
  if (!facts.skip) fail(file, 'no skip link to #maincontent');
  for (const h of facts.badLinks) fail(file, `link to ${h}: links are to http(s) addresses, anchors or the site's own pages`);
  for (const v of await axe(page)) fail(file, `axe at 1280 px: ${v}`);
  if (shots.includes(file)) await page.screenshot({ path: path.join(out, `${name(file)}-1280.png`), fullPage: true });
  if (file === pdf) {
    const pdfFile = path.join(out, `${name(file)}.pdf`);
    await page.pdf({ path: pdfFile, format: 'A4', printBackground: true });
    // Every heading and table caption (the contents list is for the
    // screen, and print leaves it out).
    const wanted = await page.evaluate(() => [...document.querySelectorAll('main h1, main h2, main h3, main h4, main caption')]
      .filter((e) => !e.closest('.nhsuk-contents-list'))
      .map((e) => e.textContent.replace(/\s+/g, ' ').trim()).filter((t) => t));
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-']).toString().replace(/\s+/g, ' ');
    const flat = (s) => s.replace(/\s+/g, '');
    for (const w of wanted) if (!flat(text).includes(flat(w))) fail(file, `the PDF does not show "${w}"`);
    console.log(`check-html: ${pdfFile}: ${wanted.length} headings and captions, all in the printed text`);
  }
  await page.close();

  // Narrow: reflow at 320 CSS px, axe again; a screenshot at 375.
  const narrow = await open(file, 320);
  const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) fail(file, `at 320 CSS px the page scrolls sideways by ${overflow} px`);
  for (const v of await axe(narrow.page)) fail(file, `axe at 320 px: ${v}`);
  await narrow.page.close();
  if (shots.includes(file)) {
    const { page: p375 } = await open(file, 375);
    await p375.screenshot({ path: path.join(out, `${name(file)}-375.png`), fullPage: true });
    await p375.close();
  }

  // Pa11y, HTML_CodeSniffer.
  const r = await pa11y(pathToFileURL(file).href, { browser, runners: ['htmlcs'], standard: 'WCAG2AA', includeWarnings: false, timeout: 60000 });
  for (const i of r.issues.filter((i) => i.type === 'error')) fail(file, `pa11y: ${i.code}: ${i.message} (${i.selector})`);
}
await browser.close();

if (failures) {
  console.error(`check-html: ${failures} problems in ${pages.length} pages`);
  process.exit(1);
}
console.log(`check-html: ${pages.length} pages pass axe-core (${tags.join(', ')}) at 1280 and 320 px, Pa11y (HTML_CodeSniffer, WCAG2AA), reflow at 320 px, and make no requests elsewhere`);
