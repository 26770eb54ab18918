/** A .qdpx is a zip from a stranger: unsafe paths, bombs and hostile XML are refused with a clear message. */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readQdpx, readQdc } from '../../../../shared/formats/refi';
import { DEFAULT_ZIP_LIMITS, readZip, writeZip } from '../../../../shared/formats/zip';

const QDE = '<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"/>';

/** fflate writes whatever names it is given, which is what a hostile tool would do. */
function zipWith(name: string): Uint8Array {
  return zipSync({ 'project.qde': strToU8(QDE), [name]: strToU8('payload') });
}

/** Rewrites the uncompressed (and optionally compressed) size an entry declares in the central directory. */
function declareSize(zip: Uint8Array, entry: string, size: number, compressed?: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i < out.length - 46; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    const name = new TextDecoder().decode(out.subarray(i + 46, i + 46 + nameLength));
    if (name !== entry) continue;
    view.setUint32(i + 24, size, true);
    if (compressed !== undefined) view.setUint32(i + 20, compressed, true);
  }
  return out;
}

describe('zip safety', () => {
  it.each([
    ['../evil.txt', /climbs out of the archive/],
    ['sources/../../evil.txt', /climbs out of the archive/],
    ['/etc/evil.txt', /absolute path/],
    ['C:/Windows/evil.txt', /drive letter/],
    ['..\\..\\evil.txt', /climbs out of the archive/],
  ])('refuses an entry named %s', (name, reason) => {
    expect(() => readQdpx(zipWith(name), 'stranger.qdpx')).toThrow(reason);
    expect(() => readQdpx(zipWith(name), 'stranger.qdpx')).toThrow(/stranger\.qdpx/);
  });

  it('refuses an entry that expands a thousandfold (a real zip bomb)', () => {
    const bomb = zipSync({ 'project.qde': strToU8(QDE), 'sources/a.txt': new Uint8Array(50 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    expect(() => readQdpx(bomb, 'bomb.qdpx')).toThrow(/bomb\.qdpx: zip entry "sources\/a\.txt" expands .* \(possible zip bomb\)/);
  });

  it('refuses an entry that declares more than REFI allows (2 GiB), before inflating anything', () => {
    const zip = zipSync({ 'project.qde': strToU8(QDE), 'a.txt': strToU8('a'.repeat(5000)) }, { level: 0 });
    const lying = declareSize(zip, 'a.txt', 0xffff_0000);
    expect(() => readQdpx(lying, 'huge.qdpx')).toThrow(/huge\.qdpx: zip entry "a\.txt" declares 4\.0 GiB, more than the 2\.0 GiB allowed/);
  });

  it('stops reading once the entries read add up to the total limit', () => {
    const zip = readZip(zipSync({ 'a.txt': strToU8('a'.repeat(5000)), 'b.txt': strToU8('b'.repeat(5000)) }), 'two.zip', {
      ...DEFAULT_ZIP_LIMITS,
      maxTotalBytes: 8000,
    });
    expect(zip.get('a.txt')!.length).toBe(5000);
    expect(zip.get('a.txt')!.length).toBe(5000); // read once, counted once
    expect(() => zip.get('b.txt')).toThrow(/two\.zip would expand to more than 8000 bytes/);
  });

  it('inflates only the entries it needs, so large internal media do not stand in the way (they are listed as not kept)', () => {
    const video = (n: number) => `<VideoSource guid="2222222${n}-2222-4222-8222-222222222222" name="v${n}" path="internal://v${n}.mp4"/>`;
    const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource guid="11111111-1111-4111-8111-111111111111" name="t" plainTextPath="internal://t.txt"/>${video(1)}${video(2)}</Sources></Project>`;
    const zip = zipSync({ 'project.qde': strToU8(qde), 'sources/t.txt': strToU8('Hello'), 'sources/v1.mp4': strToU8('x'), 'sources/v2.mp4': strToU8('y') }, { level: 0 });
    // Two videos of 1.5 GiB each (video does not compress): 3 GiB in all, but only the text is read.
    const gib = 1.5 * 1024 ** 3;
    const { project, report } = readQdpx(declareSize(declareSize(zip, 'sources/v1.mp4', gib, gib), 'sources/v2.mp4', gib, gib), 'media.qdpx');
    expect(project.sources.map((s) => s.text)).toEqual(['Hello']);
    expect(report.kept?.map((s) => s.kind)).toEqual(['VideoSource', 'VideoSource']);
    expect(report.skipped.map((s) => [s.kind, s.name])).toEqual([['file', 'sources/v1.mp4'], ['file', 'sources/v2.mp4']]);
  });

  it('cannot be made to allocate more than an entry declares: a lying entry is refused, not cut short', () => {
    const zip = zipSync({ 'big.txt': new Uint8Array(100_000).fill(65) });
    const lying = declareSize(zip, 'big.txt', 10);
    expect(() => readZip(lying, 'liar.zip').get('big.txt')).toThrow(/liar\.zip: zip entry "big\.txt" declares 10 bytes but inflates to more than that/);
  });

  it('finds entries case-insensitively and refuses to write unsafe names', () => {
    const zip = readZip(writeZip([['Sources/A.TXT', 'hi']]), 'x.zip');
    expect(new TextDecoder().decode(zip.get('sources/a.txt'))).toBe('hi');
    expect(zip.find('SOURCES/a.txt')).toBe('Sources/A.TXT');
    expect(() => writeZip([['../x', 'no']])).toThrow(/refusing to write/);
  });

  it('names the file and the problem for empty, truncated and non-zip input', () => {
    expect(() => readQdpx(new Uint8Array(), 'empty.qdpx')).toThrow('empty.qdpx is empty');
    expect(() => readQdpx(strToU8('hello world'), 'text.qdpx')).toThrow(/text\.qdpx is neither a REFI-QDA project/);
    const good = zipWith('sources/a.txt');
    expect(() => readQdpx(good.subarray(0, good.length - 30), 'cut.qdpx')).toThrow(/cut\.qdpx is not a readable zip archive/);
    expect(() => readQdpx(zipSync({ 'readme.txt': strToU8('x') }), 'noqde.qdpx')).toThrow(/noqde\.qdpx holds no project\.qde/);
  });
});

describe('XML safety', () => {
  const xxe = `<?xml version="1.0"?>
<!DOCTYPE Project [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Project xmlns="urn:QDA-XML:project:1.0" name="&secret;"/>`;
  const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="11111111-1111-1111-1111-111111111111" name="&lol4;" isCodable="true"/></Codes></CodeBook>`;

  it('refuses external entities (XXE) in a project, zipped or bare', () => {
    expect(() => readQdpx(zipSync({ 'project.qde': strToU8(xxe) }), 'xxe.qdpx')).toThrow(/xxe\.qdpx declares a DOCTYPE or ENTITY.*XXE/);
    expect(() => readQdpx(strToU8(xxe), 'xxe.qde')).toThrow(/refusing it/);
  });

  it('refuses entity expansion ("billion laughs") in a codebook', () => {
    expect(() => readQdc(laughs, 'lol.qdc')).toThrow(/lol\.qdc declares a DOCTYPE or ENTITY.*billion laughs/);
  });

  it('refuses absurdly deep nesting before it can overflow the stack', () => {
    const deep = `<CodeBook><Codes>${'<Code guid="11111111-1111-1111-1111-111111111111" name="x" isCodable="true">'.repeat(5000)}${'</Code>'.repeat(5000)}</Codes></CodeBook>`;
    expect(() => readQdc(deep, 'deep.qdc')).toThrow(/deep\.qdc nests elements more than 500 deep/);
  });

  it('reports malformed XML with the file name', () => {
    expect(() => readQdc('<CodeBook><Codes><Code></CodeBook>', 'broken.qdc')).toThrow(/broken\.qdc is not well-formed XML/);
    expect(() => readQdc('', 'blank.qdc')).toThrow('blank.qdc is empty');
    expect(() => readQdpx(strToU8('<Other/>'), 'other.qde')).toThrow(/root element is <Other>/);
    expect(() => readQdpx(strToU8('<CodeBook/>'), 'book.qde')).toThrow(/codebook/);
  });
});
