/**
 * A synthetic study written as a .qdpx for the opening tests: many interview transcripts
 * with speaker turns and many codings, big enough that reading and storing it take a
 * visible while (the cancel test needs time to press Cancel while it is being read).
 */
import { writeQdpx } from '../../shared/formats/refi';
import type { Code, Coding, Project, Source } from '../../shared/model';
import { emptyProject, seededGuids } from '../../shared/model';
import { composeTranscript } from '../../shared/text/compose';

const WORDS = 'the shelter case manager housing bed waited weeks program officer said told me about help people street they would call back never came again'.split(' ');
const NOW = '2026-11-27T10:00:00Z';

export interface StudySize {
  sources: number;
  /** Turns per transcript; each is about 40 words. */
  turns: number;
  codingsPerSource: number;
}

export function generatedStudy(name: string, size: StudySize, seed = 5): Project {
  const id = seededGuids(seed);
  const coder = { id: id(), name: 'Generated Coder' };
  const project = emptyProject({ id: id(), name, now: NOW, coder });
  const codes: Code[] = Array.from({ length: 40 }, (_, i) => ({
    id: id(), name: `Code ${i + 1}`, parentId: null, order: i, color: '#4e79a7', definition: '', inclusion: '', exclusion: '', example: '',
    origin: 'deductive', codable: true, createdAt: NOW,
  }));
  let w = 0;
  const sentence = () => Array.from({ length: 40 }, () => WORDS[w++ % WORDS.length]).join(' ') + '.';
  const sources: Source[] = [];
  const codings: Coding[] = [];
  for (let s = 0; s < size.sources; s++) {
    const structure = composeTranscript(
      Array.from({ length: size.turns }, (_, t) => ({ speaker: t % 2 === 0 ? 'Interviewer' : `P${String(s + 1).padStart(3, '0')}`, text: sentence() })),
    );
    const source: Source = { id: id(), name: `Interview ${String(s + 1).padStart(3, '0')}`, ...structure, format: 'txt', importedAt: NOW };
    sources.push(source);
    const step = Math.max(1, Math.floor((source.text.length - 60) / size.codingsPerSource));
    for (let c = 0; c < size.codingsPerSource; c++) {
      const start = c * step;
      codings.push({ id: id(), codeId: codes[c % codes.length]!.id, sourceId: source.id, coderId: coder.id, start, end: start + 40, createdAt: NOW });
    }
  }
  return { ...project, codes, sources, codings };
}

export function generatedQdpx(name: string, size: StudySize, seed?: number): Buffer {
  return Buffer.from(writeQdpx(generatedStudy(name, size, seed)));
}
