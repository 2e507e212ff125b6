// Copies the dashboard's third-party assets from node_modules into the package's static folder.
// Run after `npm ci` (the Makefile's `web` target does both). The output folder is generated
// and never committed; the dashboard loads these files from the server, never from a CDN.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "..", "src", "newsevents", "serve", "static", "vendor");

// [package, file inside the package, destination inside vendor/]
const FILES = [
  ["leaflet", "dist/leaflet.js", "leaflet/leaflet.js"],
  ["leaflet", "dist/leaflet.css", "leaflet/leaflet.css"],
  ["leaflet", "dist/images", "leaflet/images"],
  ["leaflet", "LICENSE", "leaflet/LICENSE"],
  ["topojson-client", "dist/topojson-client.min.js", "topojson-client/topojson-client.min.js"],
  ["topojson-client", "LICENSE", "topojson-client/LICENSE"],
  ["world-atlas", "countries-110m.json", "world-atlas/countries-110m.json"],
  ["world-atlas", "countries-50m.json", "world-atlas/countries-50m.json"],
  ["world-atlas", "LICENSE", "world-atlas/LICENSE"],
];

if (!existsSync(modules)) {
  console.error(`build.mjs: ${modules} is missing; run \`npm ci\` in ${here} first.`);
  process.exit(1);
}

rmSync(vendor, { recursive: true, force: true });
const versions = {};
for (const [pkg, source, target] of FILES) {
  const from = join(modules, pkg, source);
  if (!existsSync(from)) {
    console.error(`build.mjs: ${from} is missing; is the installed ${pkg} the locked version?`);
    process.exit(1);
  }
  const to = join(vendor, target);
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true });
  versions[pkg] = JSON.parse(readFileSync(join(modules, pkg, "package.json"), "utf8")).version;
}
writeFileSync(join(vendor, "versions.json"), JSON.stringify(versions, null, 2) + "\n");
console.log(`build.mjs: copied ${FILES.length} assets into ${vendor}`);
for (const [pkg, version] of Object.entries(versions)) console.log(`  ${pkg} ${version}`);
