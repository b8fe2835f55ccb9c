// Renders build/icon.svg into the icon files electron-builder packs:
//   build/icon.png          512×512, the master PNG
//   build/icons/NxN.png     16…512, the Linux hicolor set (.deb)
//   build/icon.ico          16…256, the Windows icon (exe, NSIS installer, shortcuts)
//
//   node scripts/make-icons.mjs
//
// Run it after changing the SVG and commit the outputs: packaging never renders anything.
// The SVG is drawn into a canvas by Chromium (the one the end-to-end tests use; set
// CHROMIUM_PATH to use another), so no image library is needed. In the .ico the sizes up to
// 48 are 32-bit BMP entries (read by every Windows component, NSIS included) and the larger
// ones PNG entries (Windows Vista and later), which keeps the file small.
import { chromium } from '@playwright/test';
import console from 'node:console';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(root, 'build');
const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512];
const icoSizes = [16, 24, 32, 48, 64, 128, 256];
const bmpUpTo = 48;
const smallUpTo = 32;

/**
 * At 32 px and below the inner frame eats the few pixels the glyph has: drop it and draw the
 * glyph larger (a 200-unit box instead of 160, still centred).
 */
function smallVariant(svg) {
  const small = svg
    .replace(/<rect id="frame"[^>]*\/>/, '')
    .replace(/(<path id="glyph"[^>]*transform=")[^"]*"/, '$1translate(27.8 203.9) scale(0.2 -0.2)"');
  if (small === svg || small.includes('id="frame"')) throw new Error('build/icon.svg: expected #frame and #glyph');
  return small;
}

/** Draws the SVG at `size` px; returns the PNG bytes and the straight (unpremultiplied) RGBA pixels. */
async function render(page, svg, size) {
  const result = await page.evaluate(
    async ({ svgBase64, size }) => {
      /* global Image, document -- this function runs in the page */
      const image = new Image(size, size);
      image.src = `data:image/svg+xml;base64,${svgBase64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0, size, size);
      const pixels = Array.from(context.getImageData(0, 0, size, size).data);
      return { png: canvas.toDataURL('image/png').split(',')[1], pixels };
    },
    { svgBase64: Buffer.from(svg).toString('base64'), size },
  );
  return { png: Buffer.from(result.png, 'base64'), pixels: Uint8Array.from(result.pixels) };
}

/** A classic icon-resource image: BITMAPINFOHEADER, bottom-up BGRA rows, then the AND mask. */
function bmpEntry(size, rgba) {
  const maskRow = Math.ceil(size / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR image + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4 + maskRow * size, 20);
  const xor = Buffer.alloc(size * size * 4);
  const and = Buffer.alloc(maskRow * size);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y;
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = (row * size + x) * 4;
      xor[to] = rgba[from + 2];
      xor[to + 1] = rgba[from + 1];
      xor[to + 2] = rgba[from];
      xor[to + 3] = rgba[from + 3];
      if (rgba[from + 3] === 0) and[row * maskRow + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, xor, and]);
}

function ico(entries) {
  const head = Buffer.alloc(6 + 16 * entries.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2); // icon
  head.writeUInt16LE(entries.length, 4);
  let offset = head.length;
  entries.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    head.writeUInt8(size >= 256 ? 0 : size, at);
    head.writeUInt8(size >= 256 ? 0 : size, at + 1);
    head.writeUInt16LE(1, at + 4); // planes
    head.writeUInt16LE(32, at + 6); // bits per pixel
    head.writeUInt32LE(data.length, at + 8);
    head.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([head, ...entries.map((e) => e.data)]);
}

const svg = await readFile(path.join(buildDir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  const sizes = [...new Set([...linuxSizes, ...icoSizes])].sort((a, b) => a - b);
  const rendered = new Map();
  for (const size of sizes) rendered.set(size, await render(page, size <= smallUpTo ? smallVariant(svg) : svg, size));

  await mkdir(path.join(buildDir, 'icons'), { recursive: true });
  for (const size of linuxSizes)
    await writeFile(path.join(buildDir, 'icons', `${size}x${size}.png`), rendered.get(size).png);
  await writeFile(path.join(buildDir, 'icon.png'), rendered.get(512).png);
  const entries = icoSizes.map((size) => {
    const { png, pixels } = rendered.get(size);
    return { size, data: size <= bmpUpTo ? bmpEntry(size, pixels) : png };
  });
  await writeFile(path.join(buildDir, 'icon.ico'), ico(entries));
  console.log(`build/icon.png, build/icon.ico (${icoSizes.join(', ')}), build/icons/ (${linuxSizes.join(', ')})`);
} finally {
  await browser.close();
}
