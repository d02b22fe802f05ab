/**
 * The link-preview (Open Graph) image, generated from the course settings at build time
 * (`src/pages/og-image.png.ts`): an SVG template with the title, subtitle, course and authors
 * beside the four XOR points, rasterised to a 1200 × 630 PNG by sharp (a dependency of its own, and Astro's image
 * service's; its librsvg draws the text with the system's sans-serif font). PNG, not SVG, because
 * the services that show previews (Facebook, LinkedIn, X, Slack, Discord) do not accept SVG. The PNG
 * carries its source in iTXt chunks: the title, and the SHA-256 of the SVG it was drawn from.
 */
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import type { CourseSettings } from './course-schema';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
const FONT = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";
/** Left column width for text; the XOR square takes the right. */
const TEXT_WIDTH = 640;
/** Mean advance of a character in em (DejaVu Sans is wide): a safe estimate for fitting and wrapping. */
const EM_BOLD = 0.64;
const EM = 0.56;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Greedy word wrap to lines of at most `max` characters; at most `lines` lines, the last ending in … when cut. */
export function wrap(text: string, max: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= max || !line) line = next;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  if (out.length <= lines) return out.map((l) => (l.length > max ? `${l.slice(0, max - 1)}…` : l));
  const kept = out.slice(0, lines);
  const last = kept[lines - 1] ?? '';
  kept[lines - 1] = `${last.slice(0, Math.max(0, max - 1))}…`;
  return kept;
}

/** The largest font size (≤ max) at which `chars` characters fit in `width`, at `em` per character. */
const fitSize = (chars: number, width: number, em: number, max: number): number => Math.floor(Math.min(max, width / (Math.max(chars, 1) * em)));

function textLines(lines: string[], x: number, y: number, size: number, lead: number, attrs: string): string {
  return lines.map((l, i) => `<text x="${x}" y="${y + i * lead}" font-size="${size}" ${attrs}>${esc(l)}</text>`).join('');
}

/** The four XOR points, the diagonal no line can beat, in the right column (as in the book's figure). */
const XOR_SQUARE = [
  '<rect x="760" y="120" width="380" height="380" rx="10" fill="#1f2d4f"/>',
  '<line x1="740" y1="540" x2="1160" y2="80" stroke="#e5e7eb" stroke-width="4" stroke-dasharray="14 10"/>',
  '<path d="M830 146 L873 189 L830 232 L787 189 Z M1070 386 L1113 429 L1070 472 L1027 429 Z" fill="#e69f00" stroke="#fff" stroke-width="4"/>',
  '<circle cx="1070" cy="189" r="34" fill="#0072b2" stroke="#fff" stroke-width="4"/>',
  '<circle cx="830" cy="429" r="34" fill="#0072b2" stroke="#fff" stroke-width="4"/>',
].join('');

/** The preview image as SVG: title (shrunk to fit, up to two lines), subtitle, course and authors. */
export function ogSvg(course: Pick<CourseSettings, 'title' | 'subtitle' | 'course' | 'authors'>): string {
  const oneLine = fitSize(course.title.length, TEXT_WIDTH, EM_BOLD, 88);
  const titleLines = oneLine >= 56 ? [course.title] : wrap(course.title, Math.floor(TEXT_WIDTH / (56 * EM_BOLD)), 2);
  const titleSize = oneLine >= 56 ? oneLine : fitSize(Math.max(...titleLines.map((l) => l.length)), TEXT_WIDTH, EM_BOLD, 56);
  const subSize = 32;
  const subtitle = wrap(course.subtitle.charAt(0).toUpperCase() + course.subtitle.slice(1), Math.floor(TEXT_WIDTH / (subSize * EM)), 3);
  const small = 28;
  const smallMax = Math.floor(TEXT_WIDTH / (small * EM));
  const who = course.authors.length <= 2 ? course.authors.join(' and ') : `${course.authors.slice(0, -1).join(', ')} and ${course.authors.at(-1) ?? ''}`;
  let y = 150 + titleSize;
  const parts = [textLines(titleLines, 70, y, titleSize, titleSize * 1.1, 'font-weight="700" fill="#ffffff"')];
  y += (titleLines.length - 1) * titleSize * 1.1 + 64;
  parts.push(textLines(subtitle, 70, y, subSize, 46, 'fill="#dbe4f5"'));
  y += (subtitle.length - 1) * 46 + 70;
  if (course.course) {
    parts.push(textLines(wrap(course.course, smallMax, 1), 70, y, small, 40, 'font-weight="700" fill="#f2b866"'));
    y += 44;
  }
  parts.push(textLines(wrap(who, smallMax, 1), 70, Math.max(y, 520), small, 40, 'fill="#f2b866"'));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}" font-family="${esc(FONT)}">`,
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="#15213d"/>`,
    XOR_SQUARE,
    ...parts,
    '</svg>',
  ].join('');
}

/** A PNG iTXt chunk (UTF-8 text, uncompressed) with its length and CRC. */
function itxt(keyword: string, text: string): Buffer {
  const data = Buffer.concat([Buffer.from(`iTXt${keyword}\0\0\0\0\0`, 'latin1'), Buffer.from(text, 'utf8')]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length - 4);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data));
  return Buffer.concat([len, data, crc]);
}

/** Insert text chunks right after IHDR (8-byte signature, then IHDR of 13 data bytes: 25 bytes in all). */
function withText(png: Buffer, entries: Record<string, string>): Buffer {
  const at = 8 + 25;
  return Buffer.concat([png.subarray(0, at), ...Object.entries(entries).map(([k, v]) => itxt(k, v)), png.subarray(at)]);
}

/** The iTXt entries of a PNG (keyword → text). */
export function pngText(png: Uint8Array): Record<string, string> {
  const buf = Buffer.from(png);
  const out: Record<string, string> = {};
  for (let at = 8; at + 8 <= buf.length;) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (type === 'iTXt') {
      const body = buf.subarray(at + 8, at + 8 + len);
      const nul = body.indexOf(0);
      // keyword \0 flag method language \0 translated \0 text
      let p = nul + 3;
      p = body.indexOf(0, p) + 1;
      p = body.indexOf(0, p) + 1;
      out[body.toString('latin1', 0, nul)] = body.toString('utf8', p);
    }
    at += 12 + len;
  }
  return out;
}

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** The preview image for these settings: PNG bytes, with the title and the SVG's hash in iTXt chunks. */
export async function ogPng(course: Pick<CourseSettings, 'title' | 'subtitle' | 'course' | 'authors'>): Promise<Buffer> {
  const svg = ogSvg(course);
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toBuffer();
  return withText(png, { Title: course.title, Source: `sha256:${sha256(svg)}` });
}
