import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OpenRequests, projectPathsFromArgv } from '../../electron/open-requests';

describe('projectPathsFromArgv', () => {
  it('finds project files named on the command line, resolved against the working directory', () => {
    expect(projectPathsFromArgv(['/opt/Lantern QDA/lantern-qda', '--no-sandbox', 'study.qdpx', '/data/Other.QDPX'], '/home/r')).toEqual([
      path.resolve('/home/r', 'study.qdpx'),
      path.resolve('/data/Other.QDPX'),
    ]);
  });

  it('ignores the executable, switches, the dev app folder and other files', () => {
    expect(projectPathsFromArgv(['electron', '.', '--inspect=9229', '--x=a.qdpx', 'notes.docx', 'evil.qdpx.exe'], '/home/r')).toEqual([]);
    expect(projectPathsFromArgv(['/Applications/Lantern QDA.app/Contents/MacOS/Lantern QDA.qdpx'], '/')).toEqual([]);
  });
});

describe('OpenRequests', () => {
  it('hands each queued path over once, and says when something new arrived', () => {
    const requests = new OpenRequests();
    expect(requests.add(['/a.qdpx', '/b.qdpx'])).toBe(true);
    expect(requests.add(['/a.qdpx'])).toBe(false);
    expect(requests.take()).toEqual(['/a.qdpx', '/b.qdpx']);
    expect(requests.take()).toEqual([]);
    expect(requests.add([])).toBe(false);
  });
});
