import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import settings from '../../course.config';
import { OG_HEIGHT, OG_WIDTH, ogPng, ogSvg, pngText, sha256, wrap } from '../../src/lib/course-og';

const pixels = async (png: Buffer): Promise<Buffer> => sharp(png).raw().toBuffer();

describe('the link-preview image', () => {
  it('is a 1200 × 630 PNG drawn from the configured title, subtitle and authors', async () => {
    const png = await ogPng(settings);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([OG_WIDTH, OG_HEIGHT]);
    const svg = ogSvg(settings);
    for (const word of [...settings.title.split(' '), ...settings.authors.join(' ').split(' ')]) expect(svg).toContain(word);
    // The PNG names its source: the configured title and the hash of the SVG above.
    expect(pngText(png)).toEqual({ Title: settings.title, Source: `sha256:${sha256(svg)}` });
    // Another title draws other pixels: the text is really drawn, not only recorded.
    const other = await ogPng({ ...settings, title: 'Zz Qq' });
    const [a, b] = await Promise.all([pixels(png), pixels(other)]);
    expect(a.length).toBe(OG_WIDTH * OG_HEIGHT * 3);
    expect(a.equals(b)).toBe(false);
  });

  it('escapes markup in the settings and wraps long text', () => {
    const svg = ogSvg({ title: 'A <b> & "c"', subtitle: 'x', course: 'Course <1>', authors: ['A & B'] });
    expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(svg).not.toContain('<b>');
    expect(wrap('one two three four', 9, 2)).toEqual(['one two', 'three…']);
    expect(wrap('one two', 20, 2)).toEqual(['one two']);
  });
});
