/**
 * `/og-image.png`, the link-preview image every page names in `og:image`: drawn at build time from
 * course.config.ts (title, subtitle, course, authors) by src/lib/course-og.ts.
 */
import type { APIRoute } from 'astro';
import { COURSE } from '~/lib/course';
import { ogPng } from '~/lib/course-og';

export const GET: APIRoute = async () => new Response(new Uint8Array(await ogPng(COURSE)), { headers: { 'Content-Type': 'image/png' } });
