import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

/**
 * A fake camera for Chromium (`--use-fake-device-for-media-stream
 * --use-file-for-fake-video-capture=FILE.y4m`) that films a label the label feature printed: the
 * 40×30 mm thermal label of a customer is printed to PDF from the app's print route (as
 * labels.spec.ts does), rasterised in gray by pdftoppm, laid on a table-gray background in frames
 * of the camera's size with a small hand shake and sensor noise, and written as YUV4MPEG2 (4:2:0,
 * the chroma planes flat 128). zbarimg checks that the frame shows the code.
 */

/** One 8-bit gray frame, row by row. */
export interface GrayFrame {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Prints the thermal labels of these customers to a PDF (one 40×30 mm page each). */
export async function printLabelPdf(page: Page, appUrl: string, customer: { id: number; code: string }, file: string) {
  await page.goto(`${appUrl}/#/print/labels?ids=${customer.id}&layout=thermal`);
  await page.getByRole('img', { name: customer.code, exact: true }).waitFor();
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  return file;
}

/** Parses a binary PGM (P5, maxval 255) as pdftoppm writes it. */
export function readPgm(file: string): GrayFrame {
  const buf = fs.readFileSync(file);
  const header: string[] = [];
  let at = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[at]))) at++;
    if (buf[at] === 0x23) {
      while (buf[at] !== 0x0a) at++; // a comment line
      continue;
    }
    const start = at;
    while (!/\s/.test(String.fromCharCode(buf[at]))) at++;
    header.push(buf.subarray(start, at).toString('ascii'));
  }
  const [magic, w, h, max] = header;
  if (magic !== 'P5' || max !== '255') throw new Error(`${file}: not an 8-bit binary PGM (${magic} ${max})`);
  const width = Number(w);
  const height = Number(h);
  const data = new Uint8Array(buf.subarray(at + 1, at + 1 + width * height));
  return { width, height, data };
}

export function writePgm(frame: GrayFrame, file: string) {
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`P5\n${frame.width} ${frame.height}\n255\n`), frame.data]));
  return file;
}

/** The first page of a PDF in gray, `widthPx` wide (the height follows the page's shape). */
export function rasterize(pdf: string, widthPx: number): GrayFrame {
  const prefix = pdf.replace(/\.pdf$/, `-${widthPx}`);
  execFileSync(
    'pdftoppm',
    ['-gray', '-singlefile', '-f', '1', '-l', '1', '-scale-to-x', String(widthPx), '-scale-to-y', '-1', pdf, prefix],
    {
      stdio: 'ignore',
    },
  );
  return readPgm(`${prefix}.pgm`);
}

/** A small deterministic generator (xorshift32): the same video every run. */
function noise(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/**
 * A camera frame of `width`×`height`: a table-gray background with a soft light gradient and
 * sensor noise, the label (if any) centred and moved by `shift` pixels.
 */
export function composeFrame(
  width: number,
  height: number,
  label: GrayFrame | null,
  shift: { dx: number; dy: number } = { dx: 0, dy: 0 },
  seed = 1,
): GrayFrame {
  const data = new Uint8Array(width * height);
  const rnd = noise(seed);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data[y * width + x] = 120 + Math.round((40 * x) / width + (20 * y) / height);
  }
  if (label) {
    const left = Math.round((width - label.width) / 2 + shift.dx);
    const top = Math.round((height - label.height) / 2 + shift.dy);
    for (let y = 0; y < label.height; y++) {
      const fy = top + y;
      if (fy < 0 || fy >= height) continue;
      for (let x = 0; x < label.width; x++) {
        const fx = left + x;
        if (fx >= 0 && fx < width) data[fy * width + fx] = label.data[y * label.width + x];
      }
    }
  }
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, data[i] + Math.round((rnd() - 0.5) * 12)));
  return { width, height, data };
}

/** YUV4MPEG2, 4:2:0 (C420jpeg), gray: the U and V planes are flat 128. */
export function writeY4m(frames: GrayFrame[], file: string, fps: number) {
  const { width, height } = frames[0];
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
    for (const f of frames) {
      fs.writeSync(fd, 'FRAME\n');
      fs.writeSync(fd, f.data);
      fs.writeSync(fd, chroma);
    }
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

/** The codes zbarimg reads in an image file (none: empty). */
export function zbarCodes(image: string): string[] {
  try {
    const out = execFileSync('zbarimg', ['--raw', '-q', image], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\n').filter(Boolean).sort();
  } catch {
    return []; // zbarimg exits with 4 when it finds no barcode
  }
}

export interface LabelVideoOptions {
  width?: number;
  height?: number;
  /** the label's width as a part of the frame's width */
  labelShare?: number;
  seconds?: number;
  fps?: number;
}

/** Frames of a label held in front of the camera (hand shake of a few pixels), from its PDF. */
export function labelFrames(pdf: string, options: LabelVideoOptions = {}): GrayFrame[] {
  const { width = 640, height = 480, labelShare = 0.6, seconds = 3, fps = 10 } = options;
  const label = rasterize(pdf, Math.round(width * labelShare));
  return Array.from({ length: seconds * fps }, (_, i) =>
    composeFrame(
      width,
      height,
      label,
      { dx: Math.round(3 * Math.sin(i / 3)), dy: Math.round(2 * Math.cos(i / 4)) },
      i + 1,
    ),
  );
}

/**
 * Prints the customer's label, films it and writes `dir/label-<code>.y4m` (+ its first frame as
 * a PGM, checked with zbarimg). Launch the phone's Chromium with
 * `--use-fake-device-for-media-stream --use-file-for-fake-video-capture=<y4m>` afterwards.
 */
export async function makeLabelVideo(
  page: Page,
  appUrl: string,
  customer: { id: number; code: string },
  dir: string,
  options: LabelVideoOptions = {},
): Promise<{ y4m: string; frame: string; pdf: string }> {
  const pdf = await printLabelPdf(page, appUrl, customer, path.join(dir, `label-${customer.code}.pdf`));
  const frames = labelFrames(pdf, options);
  const frame = writePgm(frames[0], path.join(dir, `label-${customer.code}-frame.pgm`));
  const read = zbarCodes(frame);
  if (read.join() !== customer.code)
    throw new Error(`the label's frame reads ${JSON.stringify(read)}, not ${customer.code}`);
  const y4m = writeY4m(frames, path.join(dir, `label-${customer.code}.y4m`), options.fps ?? 10);
  return { y4m, frame, pdf };
}
