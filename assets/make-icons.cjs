// Draws the add-in's PNG icons (app, 校验, 清除标记) at the sizes the manifest names: `node assets/make-icons.cjs`.
// Shapes are signed-distance functions sampled 8×8 per pixel, so every size is drawn, not scaled.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const BRAND = [15, 108, 189]; // Fluent brand #0F6CBD
const WHITE = [255, 255, 255];
const RED = [197, 15, 31]; // Fluent red #C50F1F
const PINK = [238, 172, 178];
const GREY = [97, 97, 97];

function roundedBox(px, py, cx, cy, hw, hh, r) {
  const qx = Math.abs(px - cx) - hw + r;
  const qy = Math.abs(py - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function segment(px, py, ax, ay, bx, by, r) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy) - r;
}

function circle(px, py, cx, cy, r) {
  return Math.hypot(px - cx, py - cy) - r;
}

function rotate(px, py, cx, cy, deg) {
  const a = (deg * Math.PI) / 180;
  const x = px - cx;
  const y = py - cy;
  return [cx + x * Math.cos(a) + y * Math.sin(a), cy - x * Math.sin(a) + y * Math.cos(a)];
}

/** Each icon: layers drawn bottom to top, each a colour and a distance function (inside when < 0). */
const ICONS = {
  icon: (size) => {
    const t = Math.max(0.075, 1.4 / size); // strokes at least ~1.4 px wide
    return [
      [BRAND, (x, y) => roundedBox(x, y, 0.5, 0.5, 0.46, 0.46, 0.14)],
      [
        WHITE,
        (x, y) =>
          Math.min(
            circle(x, y, 0.28, 0.3, t * 0.85),
            circle(x, y, 0.28, 0.5, t * 0.85),
            circle(x, y, 0.28, 0.7, t * 0.85),
          ),
      ],
      [
        WHITE,
        (x, y) =>
          Math.min(
            segment(x, y, 0.42, 0.3, 0.76, 0.3, t / 2),
            segment(x, y, 0.42, 0.5, 0.76, 0.5, t / 2),
            segment(x, y, 0.42, 0.7, 0.62, 0.7, t / 2),
          ),
      ],
    ];
  },
  validate: (size) => {
    const t = Math.max(0.1, 1.6 / size);
    return [
      [BRAND, (x, y) => circle(x, y, 0.5, 0.5, 0.46)],
      [
        WHITE,
        (x, y) =>
          Math.min(
            segment(x, y, 0.27, 0.52, 0.43, 0.68, t / 2),
            segment(x, y, 0.43, 0.68, 0.74, 0.36, t / 2),
          ),
      ],
    ];
  },
  clear: (size) => {
    const t = Math.max(0.06, 1.2 / size);
    const eraser = (x, y) => {
      const [rx, ry] = rotate(x, y, 0.5, 0.46, 45);
      return [rx, ry];
    };
    return [
      // An eraser lying at 45°: the rubber end pink, the sleeve outlined in grey; a line for the surface.
      [
        PINK,
        (x, y) => {
          const [rx, ry] = eraser(x, y);
          return Math.max(roundedBox(rx, ry, 0.5, 0.46, 0.36, 0.17, 0.06), 0.5 - 0.03 - rx);
        },
      ],
      [
        GREY,
        (x, y) => {
          const [rx, ry] = eraser(x, y);
          const outline = Math.abs(roundedBox(rx, ry, 0.5, 0.46, 0.36 - t / 2, 0.17 - t / 2, 0.06)) - t / 2;
          return Math.min(outline, segment(rx, ry, 0.47, 0.29 + t / 2, 0.47, 0.63 - t / 2, t / 2));
        },
      ],
      [RED, (x, y) => segment(x, y, 0.12, 0.9, 0.88, 0.9, t / 2)],
    ];
  },
};

/** Coverage-weighted compositing of the layers over transparency, 8×8 samples per pixel. */
function render(layers, size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = 8;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let colour;
          for (const [c, d] of layers) if (d(x, y) < 0) colour = c;
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round((255 * a) / (n * n));
      }
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An 8-bit RGBA PNG. */
function png(rgba, size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Icon name → the pixel sizes the manifest uses (ribbon buttons 16/32/80; the app icon also 64). */
const SIZES = { icon: [16, 32, 64, 80], validate: [16, 32, 80], clear: [16, 32, 80] };

for (const [name, sizes] of Object.entries(SIZES)) {
  for (const size of sizes) {
    const file = path.join(__dirname, `${name}-${size}.png`);
    fs.writeFileSync(file, png(render(ICONS[name](size), size), size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
