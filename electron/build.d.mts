/** Types for build.mjs, which stays plain JavaScript so `npm run build:electron` needs no TypeScript loader. */
export function buildElectron(options?: { outdir?: string; minify?: boolean }): Promise<{ main: string; preload: string }>;
