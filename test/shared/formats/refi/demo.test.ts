/** The embedded demo study, as the app and `qda demo` write it: schema-valid and lossless through a .qdpx. */
import { describe, expect, it } from 'vitest';
import { readQdpx, writeQdc, writeQde, writeQdpx } from '../../../../shared/formats/refi';
import { buildDemoProject } from '../../../../fixtures/demo';
import { schemaErrors } from './helpers';

describe('demo project through REFI-QDA', () => {
  it('writes schema-valid project.qde and codebook', async () => {
    const demo = buildDemoProject();
    expect(await schemaErrors(writeQde(demo), 'project')).toEqual([]);
    expect(await schemaErrors(writeQdc(demo), 'codebook')).toEqual([]);
  });

  it('round-trips: write, read, write gives the same model and the same bytes', () => {
    const demo = buildDemoProject();
    const bytes = writeQdpx(demo);
    const { project, report } = readQdpx(bytes, 'demo.qdpx');
    expect(report.warnings).toEqual([]);
    expect(project).toStrictEqual(demo);
    expect(Buffer.from(writeQdpx(project)).equals(Buffer.from(bytes))).toBe(true);
  });
});
