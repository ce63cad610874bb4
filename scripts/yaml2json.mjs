// Converts YAML strategy files to JSON for ajv-cli (make bench-peers), with
// the yaml package's YAML 1.2 core schema, so dates stay strings as engage
// reads them. Usage: node scripts/yaml2json.mjs OUTDIR DIR...
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(process.env.NODE_TOOLS + "/");
const YAML = require("yaml");
const [out, ...dirs] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
let n = 0;
for (const dir of dirs) {
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort()) {
    const doc = YAML.parse(readFileSync(join(dir, name), "utf8"));
    writeFileSync(join(out, basename(name, ".yaml") + ".json"), JSON.stringify(doc));
    n++;
  }
}
console.log(`yaml2json: ${n} files converted into ${out}`);
