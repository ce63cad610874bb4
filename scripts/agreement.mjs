// Agreement test: engage, ajv and yaml-language-server (the server VS Code's
// YAML extension runs) must give the same structural verdict on every file:
// valid files accepted by all three, invalid ones rejected by all three.
//
//   node scripts/agreement.mjs ENGAGE_BINARY FILE...
//
// A file is expected to be invalid when its path contains /invalid/.
// yaml-language-server finds the schema through each file's modeline
// (# yaml-language-server: $schema=...), as it does for authors.
import { spawn, execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(process.env.NODE_TOOLS + "/");
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats");
const YAML = require("yaml");

const [engage, ...files] = process.argv.slice(2);
if (!engage || files.length === 0) {
  console.error("usage: node scripts/agreement.mjs ENGAGE FILE...");
  process.exit(2);
}

// Structural rules: what the schema decides, and files that cannot be read.
const structural = new Set(["unknown-key", "missing-key", "wrong-type", "not-allowed", "bad-format", "invalid-value",
  "yaml-syntax", "empty-file", "not-a-mapping", "duplicate-key", "multiple-documents", "not-text", "unsupported-yaml"]);

function engageVerdicts() {
  let out;
  try {
    out = execFileSync(engage, ["validate", "-f", "json", "--as-of", "2025-07-01", ...files], { encoding: "utf8" });
  } catch (e) {
    if (e.status !== 1) throw new Error(`engage failed (exit ${e.status}): ${e.stderr}`);
    out = e.stdout;
  }
  const bad = new Map(files.map((f) => [f, []]));
  for (const f of JSON.parse(out).findings) {
    if (structural.has(f.rule)) bad.get(f.file)?.push(`${f.line}:${f.column} ${f.rule}`);
  }
  return bad;
}

function ajvVerdicts() {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: "enumDescriptions" }); // an editor annotation
  const validate = ajv.compile(JSON.parse(readFileSync("schemas/strategy.schema.json", "utf8")));
  const bad = new Map();
  for (const f of files) {
    const doc = YAML.parse(readFileSync(f, "utf8"), { version: "1.2" });
    bad.set(f, validate(doc) ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`));
  }
  return bad;
}

// A minimal LSP client: initialize, open every file, collect the
// diagnostics the server publishes for each.
function lspVerdicts() {
  const server = spawn(process.execPath, [require.resolve("yaml-language-server/bin/yaml-language-server"), "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  let buffer = Buffer.alloc(0);
  let nextId = 1;
  const pending = new Map();
  const diagnostics = new Map();
  const send = (msg) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...msg }));
    server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    server.stdin.write(body);
  };
  const request = (method, params) => new Promise((res) => { const id = nextId++; pending.set(id, res); send({ id, method, params }); });
  server.stdout.on("data", (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.slice(0, end).toString())[1]);
      if (buffer.length < end + 4 + length) return;
      const msg = JSON.parse(buffer.slice(end + 4, end + 4 + length).toString());
      buffer = buffer.slice(end + 4 + length);
      if (msg.id !== undefined && pending.has(msg.id) && msg.method === undefined) {
        pending.get(msg.id)(msg.result);
        pending.delete(msg.id);
      } else if (msg.method === "textDocument/publishDiagnostics") {
        diagnostics.set(msg.params.uri, msg.params.diagnostics);
      } else if (msg.id !== undefined && msg.method) {
        // The server asks the client for settings: answer with ours.
        const settings = { validate: true, hover: false, completion: false, schemaStore: { enable: false }, format: { enable: false } };
        const result = msg.method === "workspace/configuration" ? msg.params.items.map(() => settings) : null;
        send({ id: msg.id, result });
      }
    }
  });
  const uris = files.map((f) => pathToFileURL(resolve(f)).href);
  return (async () => {
    await request("initialize", {
      processId: process.pid, rootUri: pathToFileURL(resolve(".")).href,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
    });
    send({ method: "initialized", params: {} });
    send({ method: "workspace/didChangeConfiguration", params: { settings: { yaml: { validate: true, schemaStore: { enable: false } } } } });
    uris.forEach((uri, i) => send({ method: "textDocument/didOpen", params: { textDocument: { uri, languageId: "yaml", version: 1, text: readFileSync(files[i], "utf8") } } }));
    const deadline = Date.now() + 60000;
    while (uris.some((u) => !diagnostics.has(u))) {
      if (Date.now() > deadline) throw new Error(`yaml-language-server published no diagnostics for ${uris.filter((u) => !diagnostics.has(u)).join(", ")} within 60 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // Diagnostics can be published more than once as schemas load; wait for them to settle.
    let last = "";
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const now = JSON.stringify([...diagnostics]);
      if (now === last) break;
      last = now;
    }
    server.kill();
    const bad = new Map();
    files.forEach((f, i) => bad.set(f, diagnostics.get(uris[i]).filter((d) => d.severity === 1).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`)));
    return bad;
  })();
}

const verdicts = { engage: engageVerdicts(), ajv: ajvVerdicts(), "yaml-language-server": await lspVerdicts() };
let failures = 0;
for (const f of files) {
  const expectInvalid = f.includes("/invalid/");
  const says = Object.fromEntries(Object.entries(verdicts).map(([tool, v]) => [tool, v.get(f).length === 0 ? "valid" : "invalid"]));
  const agree = Object.values(says).every((s) => s === (expectInvalid ? "invalid" : "valid"));
  if (!agree) {
    failures++;
    console.log(`DISAGREE ${f} (expected ${expectInvalid ? "invalid" : "valid"})`);
    for (const [tool, v] of Object.entries(verdicts)) console.log(`  ${tool}: ${says[tool]}${v.get(f).length ? ": " + v.get(f).slice(0, 3).join("; ") : ""}`);
  }
}
if (process.env.AGREEMENT_VERBOSE) {
  for (const f of files) for (const [tool, v] of Object.entries(verdicts)) console.log(`${f} ${tool}: ${v.get(f).join("; ") || "(nothing)"}`);
}
const invalid = files.filter((f) => f.includes("/invalid/")).length;
if (failures > 0) {
  console.log(`agreement: ${failures} of ${files.length} files get different verdicts`);
  process.exit(1);
}
console.log(`agreement: engage, ajv and yaml-language-server agree on all ${files.length} files (${files.length - invalid} valid, ${invalid} invalid)`);
