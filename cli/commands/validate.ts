/**
 * `qda validate <file.qdpx|file.qdc|file.qde>`: check a REFI-QDA file against the
 * official schema, as strict importers (NVivo, ATLAS.ti, MAXQDA) will. libxml2 runs as
 * WebAssembly (xmllint-wasm), so this works offline and with nothing else installed.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { memoryPages, validateXML } from 'xmllint-wasm';
import { decodeXmlBytes, parseXml } from '../../shared/formats/refi/xml';
import { readInputFile } from '../files';
import { isZip, readZip } from '../../shared/formats/zip';
import type { Command } from '../main';
import { CliError, EXIT, usageError } from '../io';

/** The REFI-QDA schemas: $QDA_REFI_SCHEMAS, else the official copies shipped in cli/schemas. */
export function schemaDir(): string {
  const candidates = [process.env.QDA_REFI_SCHEMAS, resolve(dirname(fileURLToPath(import.meta.url)), '../schemas')].filter((d): d is string => !!d);
  const found = candidates.find((d) => existsSync(join(d, 'Project.xsd')) && existsSync(join(d, 'Codebook.xsd')));
  if (!found)
    throw new CliError(`the REFI-QDA schemas (Project.xsd, Codebook.xsd) were not found in ${candidates.join(' or ')}; set QDA_REFI_SCHEMAS to their folder`);
  return found;
}

export interface SchemaCheck {
  /** What was checked, e.g. "study.qdpx:project.qde". */
  target: string;
  kind: 'project' | 'codebook';
  valid: boolean;
  errors: { line: number | null; message: string }[];
}

/** Schema-checks a .qdpx (its .qde), a bare .qde or a .qdc. Throws CliError when the file cannot be read at all. */
export async function checkFile(file: string): Promise<SchemaCheck> {
  const bytes = await readInputFile(file);
  let xmlBytes = bytes;
  let target = file;
  if (bytes.length === 0) throw new CliError(`${file} is empty`);
  // A .qdpx is a zip by definition: say so rather than report it as broken XML.
  if (file.toLowerCase().endsWith('.qdpx') && !isZip(bytes)) throw new CliError(`${file} is not a .qdpx project: it is not a zip archive`);
  try {
    if (isZip(bytes)) {
      const zip = readZip(bytes, file);
      const name = zip.find('project.qde') ?? zip.names.find((n) => n.toLowerCase().endsWith('.qde'));
      if (!name) throw new Error(`${file} holds no project.qde`);
      xmlBytes = zip.get(name)!;
      target = `${file}:${name}`;
    }
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const xml = decodeXmlBytes(xmlBytes);
  let rootName: string;
  try {
    // Our own parser first: it refuses DOCTYPEs before libxml2 ever sees them.
    rootName = parseXml(xml, target).name;
  } catch (error) {
    return { target, kind: file.toLowerCase().endsWith('.qdc') ? 'codebook' : 'project', valid: false, errors: [{ line: null, message: (error as Error).message }] };
  }
  const kind = rootName === 'CodeBook' ? 'codebook' : 'project';
  const schemaFile = kind === 'codebook' ? 'Codebook.xsd' : 'Project.xsd';
  const schema = await readFile(join(schemaDir(), schemaFile), 'utf8');
  let result: Awaited<ReturnType<typeof validateXML>>;
  try {
    result = await validateXML({
      xml: [{ fileName: 'input.xml', contents: xml }],
      schema: [{ fileName: schemaFile, contents: schema }],
      // The default 32 MiB is too little for a large study's project.qde (tens of MB of XML).
      maxMemoryPages: 2 * memoryPages.GiB,
    });
  } catch (error) {
    throw new CliError(`${target} could not be checked: ${(error as Error).message.split('\n')[0]}`);
  }
  return {
    target,
    kind,
    valid: result.valid,
    errors: result.errors.map((e) => ({ line: e.loc?.lineNumber ?? null, message: e.message.replace(/^input\.xml:\d+:\s*/, '').trim() })),
  };
}

export const command: Command = {
  summary: 'check a .qdpx, .qde or .qdc file against the REFI-QDA schema, listing each error with its line',
  usage: 'qda validate <file.qdpx|file.qdc|file.qde>',
  async run(args, io) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    if (positionals.length === 0) throw usageError('give one or more files, e.g. qda validate study.qdpx');
    let failed = false;
    for (const file of positionals) {
      const check = await checkFile(file);
      if (check.valid) {
        io.out(`${check.target}: valid REFI-QDA ${check.kind} (${check.kind === 'codebook' ? 'Codebook.xsd' : 'Project.xsd'})\n`);
        continue;
      }
      failed = true;
      io.err(`${check.target}: not valid against the REFI-QDA ${check.kind} schema (${check.errors.length} error${check.errors.length === 1 ? '' : 's'}):\n`);
      for (const e of check.errors) io.err(`  ${check.target}:${e.line ?? '?'}: ${e.message}\n`);
    }
    return failed ? EXIT.badInput : EXIT.ok;
  },
};
