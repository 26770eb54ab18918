/**
 * A small hand-built study for analysis tests: two sites, partners and participants,
 * interviewer turns, a focus group whose speakers carry their own cases, a source with
 * no case, nested codes and themes, two coders, overlapping and adjacent codings.
 */
import type { Code, Coding, Guid, Project, Source, Speaker, Theme } from '../../../shared/model';
import { emptyProject, seededGuids } from '../../../shared/model';
import type { Utterance } from '../../../shared/text/compose';
import { composeTranscript } from '../../../shared/text/compose';

export interface Fixture {
  project: Project;
  ids: Record<string, Guid>;
  /** The span of the n-th occurrence (0-based) of a phrase in a source. */
  span: (source: string, phrase: string, nth?: number) => { start: number; end: number };
}

export function buildFixture(): Fixture {
  const newId = seededGuids(7);
  const ids: Record<string, Guid> = {};
  const id = (key: string) => (ids[key] ??= newId());
  const now = '2026-11-27T10:00:00Z';
  const project = emptyProject({ id: id('project'), name: 'Fixture study', now });
  project.coders = [
    { id: id('ann'), name: 'Ann' },
    { id: id('bo'), name: 'Bo' },
  ];
  project.attributes = [
    { id: id('type'), name: 'participant type', type: 'text', values: ['partner', 'participant'] },
    { id: id('site'), name: 'site', type: 'text', values: ['A', 'B'] },
  ];
  const kase = (key: string, type: string, site?: string) => ({
    id: id(key),
    name: key,
    values: { [id('type')]: type, ...(site ? { [id('site')]: site } : {}) },
  });
  project.cases = [
    kase('P1', 'participant', 'A'),
    kase('P2', 'participant', 'B'),
    kase('CM1', 'partner', 'A'),
    kase('FG-Rae', 'participant', 'B'),
    kase('FG-Sam', 'partner'),
  ];
  const source = (key: string, utterances: Utterance[], caseKey?: string, speakers?: Speaker[], minute = 0): Source => {
    const s = composeTranscript(utterances);
    return {
      id: id(key),
      name: key,
      text: s.text,
      paragraphs: s.paragraphs,
      turns: s.turns,
      speakers: speakers ?? s.speakers,
      ...(caseKey ? { caseId: id(caseKey) } : {}),
      format: 'txt',
      importedAt: `2026-11-27T10:0${minute}:00Z`,
    };
  };
  project.sources = [
    source(
      'int-P1',
      [
        { speaker: 'Interviewer', text: 'Tell me about housing. Was housing hard to find?' },
        { speaker: 'P1', text: 'There was no housing at all. The shelter was full every night.' },
        { speaker: 'Interviewer', text: 'And the case manager?' },
        { speaker: 'P1', text: 'My case manager drove me to the clinic herself. She found a way.' },
      ],
      'P1',
      undefined,
      1,
    ),
    source(
      'int-P2',
      [
        { speaker: 'Interviewer', text: 'How did the program go?' },
        { speaker: 'P2', text: 'The clinic had a waitlist of three months. I had no bus fare to get there.' },
      ],
      'P2',
      undefined,
      2,
    ),
    source(
      'int-CM1',
      [
        { speaker: 'Interviewer', text: 'What gets in the way?' },
        { speaker: 'CM1', text: 'We have no detox beds in the county. So we drive people two hours.' },
      ],
      'CM1',
      undefined,
      3,
    ),
    source(
      'focus-group',
      [
        { speaker: 'Moderator', text: 'Let us talk about services.' },
        { speaker: 'Rae', text: 'Housing lists are closed. Nobody calls back.' },
        { speaker: 'Sam', text: 'Officers keep a list of beds on their phones.' },
      ],
      undefined,
      [
        { name: 'Moderator', role: 'interviewer' },
        { name: 'Rae', role: 'respondent', caseId: id('FG-Rae') },
        { name: 'Sam', role: 'respondent', caseId: id('FG-Sam') },
      ],
      4,
    ),
    source('field-notes', [{ speaker: null, text: 'Site visit: the clinic closed early. No housing office on site.' }], undefined, undefined, 5),
  ];

  const code = (key: string, parent: string | null, origin: Code['origin'], order: number): Code => ({
    id: id(key),
    name: key,
    parentId: parent ? id(parent) : null,
    order,
    color: '#4e79a7',
    definition: '',
    inclusion: '',
    exclusion: '',
    example: '',
    origin,
    codable: true,
    createdAt: now,
  });
  project.codes = [
    code('Services', null, 'deductive', 0),
    code('Housing', 'Services', 'deductive', 0),
    code('Clinic', 'Services', 'deductive', 1),
    code('Waitlists', null, 'inductive', 1),
    code('Workarounds', null, 'inductive', 2),
    code('no bus fare', null, 'in-vivo', 3),
    code('Empty', null, 'deductive', 4),
  ];

  const textOf = new Map(project.sources.map((s) => [s.name, s.text]));
  const span = (src: string, phrase: string, nth = 0) => {
    const text = textOf.get(src)!;
    let at = -1;
    for (let i = 0; i <= nth; i++) {
      at = text.indexOf(phrase, at + 1);
      if (at === -1) throw new Error(`fixture: '${phrase}' (#${nth}) not in ${src}`);
    }
    return { start: at, end: at + phrase.length };
  };
  const codings: Coding[] = [];
  const coding = (key: string, codeKey: string, src: string, phrase: string, coder = 'ann', nth = 0, extra: Partial<Coding> = {}) => {
    codings.push({ id: id(key), codeId: id(codeKey), sourceId: id(src), coderId: id(coder), ...span(src, phrase, nth), createdAt: now, ...extra });
  };
  // int-P1
  coding('c-int-housing', 'Housing', 'int-P1', 'Was housing hard to find?'); // interviewer only
  coding('c-p1-housing', 'Housing', 'int-P1', 'There was no housing at all.', 'ann', 0, { exemplar: true });
  coding('c-p1-housing-bo', 'Housing', 'int-P1', 'no housing at all. The shelter was full', 'bo');
  coding('c-p1-work', 'Workarounds', 'int-P1', 'My case manager drove me to the clinic herself. She found a way.');
  coding('c-p1-clinic', 'Clinic', 'int-P1', 'drove me to the clinic');
  // int-P2: adjacent spans (Clinic ends where Waitlists starts) and an in-vivo code in the same turn
  coding('c-p2-clinic', 'Clinic', 'int-P2', 'The clinic had ');
  coding('c-p2-wait', 'Waitlists', 'int-P2', 'a waitlist of three months.');
  coding('c-p2-fare', 'no bus fare', 'int-P2', 'I had no bus fare to get there.', 'bo');
  // int-CM1
  coding('c-cm1-work', 'Workarounds', 'int-CM1', 'So we drive people two hours.');
  coding('c-cm1-services', 'Services', 'int-CM1', 'We have no detox beds in the county.');
  // focus group: speakers with their own cases
  coding('c-fg-housing', 'Housing', 'focus-group', 'Housing lists are closed.');
  coding('c-fg-wait', 'Waitlists', 'focus-group', 'Housing lists are closed. Nobody calls back.', 'bo');
  coding('c-fg-work', 'Workarounds', 'focus-group', 'Officers keep a list of beds on their phones.');
  // a span that crosses from the moderator into Rae's turn is a respondent excerpt
  coding('c-fg-cross', 'Services', 'focus-group', 'services.\n\nRae: Housing');
  // field notes: no turns, no case
  coding('c-notes-clinic', 'Clinic', 'field-notes', 'the clinic closed early.');
  coding('c-notes-housing', 'Housing', 'field-notes', 'No housing office on site.');
  project.codings = codings;

  const theme = (key: string, codeKeys: string[], parent: string | null, order: number): Theme => ({
    id: id(key),
    name: key,
    definition: `${key} definition`,
    codeIds: codeKeys.map((k) => id(k)),
    parentId: parent ? id(parent) : null,
    order,
  });
  project.themes = [
    theme('Services unavailable', ['Housing', 'Waitlists'], null, 0),
    theme('Staff workarounds', ['Workarounds'], null, 1),
    theme('Access barriers', ['no bus fare'], 'Services unavailable', 0),
    theme('Services broadly', ['Services'], null, 2),
  ];
  return { project, ids, span };
}
