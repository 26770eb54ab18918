/**
 * The domain core stays pure: everything in shared/ runs unchanged in the renderer, the
 * Electron main process and the CLI. This reads every import in shared/ and proves it
 * reaches neither the app (renderer/), the shell (electron/), the CLI, nor Node built-ins.
 * (Type-checking shared/ without DOM or Node typings, and a lint rule, say the same.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');
const shared = join(root, 'shared');

/** Pure libraries the core may use: each works in a browser and in Node alike. */
const ALLOWED_PACKAGES = ['zod', 'compromise', 'docx', 'fflate', 'papaparse', 'exceljs', /^d3-[a-z-]+$/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every module specifier in a file: static imports and exports, dynamic import(), require(). */
export function specifiers(code: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^'"`;]*?\sfrom\s+['"]([^'"]+)['"]/gm,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of code.matchAll(pattern)) found.push(m[1]!);
  return found;
}

/** A line without its string literals and comments, so 'word/document.xml' is not the DOM's document. */
function codeOnly(line: string): string {
  return line
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''")
    .replace(/\/\*.*?\*\/|\/\/.*$|^\s*\*.*$/g, '');
}

function packageName(spec: string): string {
  return spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
}

describe('shared/ is the pure domain core', () => {
  const files = sourceFiles(shared);

  it('finds the files and their imports (the scan itself works)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(specifiers(`import { a } from './a';\nexport * from "../b";\nconst c = await import('c');\nimport 'side';`)).toEqual([
      './a',
      '../b',
      'side',
      'c',
    ]);
  });

  it('imports nothing from renderer/, electron/, cli/ or Node built-ins, and only pure packages', () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const problems: string[] = [];
    for (const file of files) {
      const where = relative(root, file);
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          if (target !== shared && !target.startsWith(shared + sep)) problems.push(`${where}: '${spec}' leaves shared/`);
        } else if (spec.startsWith('node:') || builtins.has(packageName(spec))) {
          problems.push(`${where}: '${spec}' is a Node built-in`);
        } else if (!ALLOWED_PACKAGES.some((p) => (typeof p === 'string' ? p === packageName(spec) : p.test(packageName(spec))))) {
          problems.push(`${where}: '${spec}' is not one of the pure packages the core may use`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses no DOM or Node globals', () => {
    const globals = /\b(window|document|navigator|localStorage|process|Buffer|__dirname|require)\s*[.([]/;
    const offenders = files
      .filter((f) => !f.endsWith('.d.ts'))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ line: codeOnly(line), at: `${relative(root, f)}:${i + 1}` }))
          .filter(({ line }) => globals.test(line))
          .map(({ at }) => at),
      );
    expect(offenders).toEqual([]);
  });
});

describe('node/ is the Node-only layer the desktop shell and the CLI share', () => {
  const nodeDir = join(root, 'node');
  const files = sourceFiles(nodeDir);
  const inside = (dir: string, target: string) => target === dir || target.startsWith(dir + sep);

  it('imports only Node built-ins and its own files (nothing from the app, the shell, the CLI or packages)', () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    expect(files.length).toBeGreaterThan(2);
    const problems: string[] = [];
    for (const file of files) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        const ok = spec.startsWith('.') ? inside(nodeDir, resolve(dirname(file), spec)) : builtins.has(packageName(spec));
        if (!ok) problems.push(`${relative(root, file)}: '${spec}'`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('is not reached from shared/ or the renderer, which run without Node', () => {
    const problems: string[] = [];
    for (const file of [...sourceFiles(shared), ...sourceFiles(join(root, 'renderer', 'src'))]) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.') && inside(nodeDir, resolve(dirname(file), spec))) problems.push(`${relative(root, file)}: '${spec}'`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('holds the only atomic writer: electron/ and cli/ never rename files into place themselves', () => {
    const renames = ['electron', 'cli']
      .flatMap((part) => sourceFiles(join(root, part)))
      .filter((file) => /\brename(Sync)?\s*\(|\bcopyFile(Sync)?\s*\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(renames).toEqual([]);
  });
});
