// Renders icon.svg to the 1024 px icon.png electron-builder turns into each platform's icon
// set. Run after editing the SVG: node build/render-icon.mjs
import { Resvg } from '@resvg/resvg-js';
import { readFileSync, writeFileSync } from 'node:fs';

const svg = readFileSync(new URL('icon.svg', import.meta.url), 'utf8');
const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1024 } }).render().asPng();
writeFileSync(new URL('icon.png', import.meta.url), png);
console.log(`icon.png: ${png.length} bytes`);
