import { describe, expect, it } from 'vitest';
import { WritablePaths } from '../../electron/files';

// How files are written and backed up is node/ (test/node/); here only which paths may be written.
describe('WritablePaths', () => {
  it('allows what the user chose in a save dialog, and opened projects', () => {
    const paths = new WritablePaths();
    paths.allowSaved('/home/r/report.docx');
    paths.allowOpened('/home/r/study.qdpx');
    expect(paths.has('/home/r/report.docx')).toBe(true);
    expect(paths.has('/home/r/study.qdpx')).toBe(true);
    expect(paths.has('/home/r/x/../study.qdpx')).toBe(true);
  });

  it('refuses opened transcripts, unknown paths and relative paths', () => {
    const paths = new WritablePaths();
    paths.allowOpened('/home/r/interview-01.docx');
    paths.allowSaved('/home/r/study.qdpx');
    expect(paths.has('/home/r/interview-01.docx')).toBe(false);
    expect(paths.has('/home/r/other.qdpx')).toBe(false);
    expect(paths.has('/home/r/.bashrc')).toBe(false);
    expect(paths.has('study.qdpx')).toBe(false);
  });
});
