// Writes the NHS.UK design system's compiled stylesheet (nhsuk-frontend,
// MIT) for engage to embed, from the npm package installed at the path
// given: `make nhsuk-css` runs it. Pages engage writes make no request
// elsewhere, so three things change from the package's file:
//   - the @font-face rules go: they load the Frutiger webfont from
//     assets.nhs.uk, which is licensed to NHS services only; pages fall
//     back to the stylesheet's own fonts (Arial, sans-serif);
//   - the icons the stylesheet points to at /assets/images/ are written
//     into it as data: URLs, from the package's own SVG files;
//   - the source map comment goes (the map is not shipped).
// Usage: node scripts/nhsuk-css.mjs PACKAGE_DIR OUT_CSS
import fs from 'node:fs';
import path from 'node:path';

const [pkgDir, out] = process.argv.slice(2);
if (!pkgDir || !out) {
  console.error('usage: node scripts/nhsuk-css.mjs PACKAGE_DIR OUT_CSS');
  process.exit(2);
}
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const dist = path.join(pkgDir, 'dist', 'nhsuk');
let css = fs.readFileSync(path.join(dist, 'nhsuk-frontend.min.css'), 'utf8');

const fonts = css.match(/@font-face\{[^}]*\}/g) || [];
css = css.replace(/@font-face\{[^}]*\}/g, '');
css = css.replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '');
css = css.replace(/url\(\/assets\/images\/([a-z0-9-]+\.svg)\)/g, (_, name) => {
  const svg = fs.readFileSync(path.join(dist, 'assets', 'images', name));
  return `url("data:image/svg+xml;base64,${svg.toString('base64')}")`;
});
const left = css.match(/url\((?!"?data:)[^)]*\)/g);
if (left) {
  console.error(`nhsuk-css: the stylesheet still points elsewhere: ${left.join(', ')}`);
  process.exit(1);
}
if (fonts.length === 0) {
  console.error('nhsuk-css: no @font-face rule found: has the package changed how it loads fonts?');
  process.exit(1);
}
css = css.replace(/^@charset "UTF-8";/, '');
// The licence travels with the stylesheet, into every page that carries it.
const licence = fs.readFileSync(path.join(path.dirname(out), 'LICENSE-nhsuk-frontend.txt'), 'utf8').replaceAll('*/', '* /');
const header = `/*! nhsuk-frontend ${pkg.version}, refreshed by make nhsuk-css: the Frutiger @font-face rules
removed (pages use the fallback fonts), icons inlined as data: URLs.

${licence.trim()}
*/\n`;
fs.writeFileSync(out, '@charset "UTF-8";\n' + header + css.trim() + '\n');
console.log(`nhsuk-css: wrote ${out} from nhsuk-frontend ${pkg.version} (${fonts.length} @font-face rules removed)`);
