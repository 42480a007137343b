// Compile Senate's own styles and copy the NHS.UK design system and htmx into build/assets,
// which Django serves as static files. No network: everything comes from node_modules.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import * as sass from "sass";

const out = "build/assets";
const nhsuk = "node_modules/nhsuk-frontend/dist/nhsuk";
mkdirSync(`${out}/senate`, { recursive: true });
mkdirSync(`${out}/htmx`, { recursive: true });
cpSync(`${nhsuk}/nhsuk-frontend.min.css`, `${out}/nhsuk/nhsuk-frontend.min.css`);
cpSync(`${nhsuk}/nhsuk-frontend.min.js`, `${out}/nhsuk/nhsuk-frontend.min.js`);
// The minified files name their source maps; collectstatic's manifest refuses a missing reference.
cpSync(`${nhsuk}/nhsuk-frontend.min.css.map`, `${out}/nhsuk/nhsuk-frontend.min.css.map`);
cpSync(`${nhsuk}/nhsuk-frontend.min.js.map`, `${out}/nhsuk/nhsuk-frontend.min.js.map`);
cpSync("assets/js", `${out}/senate`, { recursive: true });
cpSync(`${nhsuk}/assets`, `${out}/nhsuk`, { recursive: true });
cpSync("node_modules/htmx.org/dist/htmx.min.js", `${out}/htmx/htmx.min.js`);
const css = sass.compile("assets/scss/senate.scss", { style: "compressed", loadPaths: ["node_modules"] });
writeFileSync(`${out}/senate/senate.css`, css.css);
console.log(`Front-end assets built in ${out}`);
