/** Small in-memory projects for agreement and merge tests, built row by row so every count is known. */
import type { Code, Coder, Coding, Guid, Project, Source } from '../../../shared/model';
import { emptyProject, seededGuids } from '../../../shared/model';
import { composeTranscript } from '../../../shared/text/compose';

export const NOW = '2026-11-27T10:00:00Z';

export class ProjectBuilder {
  readonly project: Project;
  readonly newId: () => Guid;

  constructor(seed = 1, name = 'Test project') {
    this.newId = seededGuids(seed);
    this.project = emptyProject({ id: this.newId(), name, now: NOW });
  }

  coder(name: string, extra: Partial<Coder> = {}): Coder {
    const coder: Coder = { id: this.newId(), name, ...extra };
    this.project.coders.push(coder);
    return coder;
  }

  /** A plain-text source: one paragraph per line, no speakers. */
  source(name: string, text: string, extra: Partial<Source> = {}): Source {
    const paragraphs: { start: number; end: number }[] = [];
    let at = 0;
    for (const line of text.split('\n')) {
      if (line.length > 0) paragraphs.push({ start: at, end: at + line.length });
      at += line.length + 1;
    }
    return this.addSource({ name, text, paragraphs, turns: [], speakers: [] }, extra);
  }

  /** A transcript from speaker utterances. */
  transcript(name: string, utterances: [string, string][], extra: Partial<Source> = {}): Source {
    const structure = composeTranscript(utterances.map(([speaker, text]) => ({ speaker, text })));
    return this.addSource({ name, ...structure }, extra);
  }

  private addSource(
    body: Pick<Source, 'name' | 'text' | 'paragraphs' | 'turns' | 'speakers'>,
    extra: Partial<Source>,
  ): Source {
    const source: Source = {
      id: this.newId(),
      ...body,
      format: 'txt',
      importedAt: NOW,
      ...extra,
    };
    this.project.sources.push(source);
    return source;
  }

  code(name: string, extra: Partial<Code> = {}): Code {
    const code: Code = {
      id: this.newId(),
      name,
      parentId: null,
      order: this.project.codes.length,
      color: '#4e79a7',
      definition: '',
      inclusion: '',
      exclusion: '',
      example: '',
      origin: 'deductive',
      codable: true,
      createdAt: NOW,
      ...extra,
    };
    this.project.codes.push(code);
    return code;
  }

  coding(coder: Coder, code: Code, source: Source, start: number, end: number, extra: Partial<Coding> = {}): Coding {
    const coding: Coding = {
      id: this.newId(),
      codeId: code.id,
      sourceId: source.id,
      coderId: coder.id,
      start,
      end,
      createdAt: NOW,
      ...extra,
    };
    this.project.codings.push(coding);
    return coding;
  }
}
