/** The configured base path, always ending in `/` (e.g. `/` or `/beyond-linear/`). */
export const BASE: string = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** Join a site-relative path onto the base: `url('linear-limits/') = BASE + 'linear-limits/'`. */
export function url(path = ''): string {
  return BASE + path.replace(/^\/+/, '');
}
