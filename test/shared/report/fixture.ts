/**
 * A small study built through the real operations: two groups (partners, participants),
 * two sites, a two-level codebook, two themes. Source file names carry "real names" so
 * tests can check that reports never leak them.
 */
import type { ChangeSet, Guid, Project } from '../../../shared/model';
import { applyChanges, emptyProject, seededGuids } from '../../../shared/model';
import type { OpContext } from '../../../shared/model';
import * as ops from '../../../shared/ops';
import { composeTranscript } from '../../../shared/text/compose';

export interface Study {
  project: Project;
  ids: Record<string, Guid>;
}

type Person = { key: string; group: 'partner' | 'participant'; role: string; site: string; lines: string[] };

const PEOPLE: Person[] = [
  {
    key: 'p1',
    group: 'participant',
    role: 'participant',
    site: 'Site A',
    lines: [
      'There was no bed anywhere in the county, they kept telling me to call back next week.',
      'My case manager drove me to the clinic herself because the bus does not go there.',
    ],
  },
  {
    key: 'p2',
    group: 'participant',
    role: 'participant',
    site: 'Site B',
    lines: [
      'The waitlist for treatment was three months long, and by then I was back on the street.',
      '=SUM(A1:A9) is what I typed, she laughed and said the form breaks anyway.',
    ],
  },
  {
    key: 'c1',
    group: 'partner',
    role: 'case manager',
    site: 'Site A',
    lines: [
      'We had nowhere to send people, the detox unit closed in March and nothing replaced it.',
      'Honestly we improvise: I keep bus passes in my drawer and call in favours with the landlord.',
    ],
  },
  {
    key: 'o1',
    group: 'partner',
    role: 'police officer',
    site: 'Site B',
    lines: [
      'When the office is closed after five there is no one to hand a person to, so we just let them go.',
      'I drove him to the shelter myself, that is not in any protocol but it works.',
    ],
  },
  {
    key: 'c2',
    group: 'partner',
    role: 'case manager',
    site: 'Site B',
    lines: ['Housing is the gap. We can refer all day, but there are no units to refer to in this town.', 'Short one.'],
  },
];

export function buildStudy(opts: { exemplar?: boolean } = {}): Study {
  const newId = seededGuids(42);
  let t = 0;
  const ctx: OpContext = {
    newId,
    now: () => `2026-01-01T00:00:${String(t++ % 60).padStart(2, '0')}Z`,
    coderId: newId(),
  };
  let project = emptyProject({
    id: newId(),
    name: 'LEAD evaluation',
    now: '2026-01-01T00:00:00Z',
    description: 'A study of pre-arrest diversion.',
  });
  const ids: Record<string, Guid> = {};
  const run = <T extends ChangeSet>(set: T): T => {
    project = applyChanges(project, set);
    return set;
  };
  ids.coderA = run(ops.addCoder(project, ctx, { name: 'Ana Coder' })).id;
  ids.coderB = run(ops.addCoder(project, ctx, { name: 'Ben Coder' })).id;
  ids.group = run(ops.createAttribute(project, ctx, { name: 'group', values: ['partner', 'participant'] })).id;
  ids.role = run(ops.createAttribute(project, ctx, { name: 'role' })).id;
  ids.site = run(ops.createAttribute(project, ctx, { name: 'site' })).id;

  ids.services = run(
    ops.createCode(project, ctx, {
      name: 'Services',
      origin: 'deductive',
      codable: false,
      definition: 'Access to services.',
    }),
  ).id;
  ids.unavailable = run(
    ops.createCode(project, ctx, {
      name: 'Services unavailable',
      parentId: ids.services,
      origin: 'deductive',
      definition: 'A needed service does not exist or has no capacity.',
      inclusion: 'Waitlists, closures, no beds.',
      exclusion: 'Services that exist but cannot be reached (see inaccessible).',
      example: 'There was no bed anywhere.',
    }),
  ).id;
  ids.inaccessible = run(
    ops.createCode(project, ctx, {
      name: 'Services inaccessible',
      parentId: ids.services,
      origin: 'inductive',
      definition: 'A service exists but cannot be reached.',
    }),
  ).id;
  ids.workarounds = run(
    ops.createCode(project, ctx, {
      name: 'Staff workarounds',
      origin: 'in-vivo',
      definition: 'Staff improvise around gaps.',
    }),
  ).id;

  const codingIds: Guid[] = [];
  for (const person of PEOPLE) {
    const caseId = run(
      ops.createCase(project, ctx, {
        name: `Case ${person.key}`,
        values: { [ids.group]: person.group, [ids.role]: person.role, [ids.site]: person.site },
      }),
    ).id;
    const structure = composeTranscript([
      { speaker: 'Interviewer', text: 'Tell me about getting services.' },
      { speaker: 'Respondent', text: person.lines[0]! },
      { speaker: 'Interviewer', text: 'What did people do about it?' },
      { speaker: 'Respondent', text: person.lines[1]! },
    ]);
    const sourceId = run(
      ops.addSource(project, ctx, { name: `Jane_Doe_${person.key}_2024-03-01.docx`, structure, format: 'txt', caseId }),
    ).id;
    ids[`source_${person.key}`] = sourceId;
    ids[`case_${person.key}`] = caseId;
    const respondent = structure.turns.filter((turn) => turn.speaker === 'Respondent');
    const first = respondent[0]!;
    const second = respondent[1]!;
    const unavailableOrNot = person.key !== 'p1' ? ids.unavailable : ids.inaccessible;
    codingIds.push(
      run(
        ops.applyCode(project, ctx, {
          sourceId,
          codeId: unavailableOrNot,
          start: first.start,
          end: first.end,
          coderId: ids.coderA,
        }),
      ).id,
    );
    codingIds.push(
      run(
        ops.applyCode(project, ctx, {
          sourceId,
          codeId: ids.workarounds,
          start: second.start,
          end: second.end,
          coderId: ids.coderB,
        }),
      ).id,
    );
  }
  ids.themeGaps = run(
    ops.createTheme(project, ctx, {
      name: 'Services unavailable',
      definition: 'The services people need are not there.',
      codeIds: [ids.unavailable, ids.inaccessible],
    }),
  ).id;
  ids.themeWork = run(
    ops.createTheme(project, ctx, {
      name: 'Staff workarounds',
      definition: 'Staff fill the gaps themselves.',
      codeIds: [ids.workarounds],
    }),
  ).id;
  run(
    ops.createMemo(project, ctx, {
      target: { kind: 'theme', id: ids.themeGaps },
      title: 'Gaps memo',
      body: [
        {
          type: 'paragraph',
          children: [{ text: 'Partners and participants ' }, { text: 'both', bold: true }, { text: ' describe gaps.' }],
        },
      ],
    }),
  );
  if (opts.exemplar) {
    ids.exemplarCoding = codingIds[2]!;
    run(ops.setExemplar(project, ctx, codingIds[2]!, true));
  }
  return { project, ids };
}
