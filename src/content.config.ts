import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** The book's chapters: one MDX file each under `content/chapters/`, ordered by `order`. */
const chapters = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/chapters' }),
  schema: z.object({
    title: z.string().min(1),
    order: z.number().int().positive(),
    description: z.string().min(20).max(200),
    objectives: z.array(z.string().min(1)).min(1),
    prerequisites: z.array(z.string()).optional(),
  }),
});

export const collections = { chapters };
