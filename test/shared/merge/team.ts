/**
 * Two coders' projects of the same study, as they come back from two laptops: Ben
 * started from Ana's codebook, then renamed, moved and redefined codes, added his own,
 * and imported the same transcripts under other file names.
 */
import type { Code } from '../../../shared/model';
import { ProjectBuilder } from '../agreement/build';

export const T1 = 'Officer: We call the case manager first.\nParticipant: The bus never comes, so I miss appointments.';
export const T2 = 'Case manager: There is no housing for people with records.\nWe find workarounds.';
export const T3 = 'Prosecutor: Diversion saves court time.';

export function anaProject() {
  const b = new ProjectBuilder(101, 'Ana');
  const ana = b.coder('Ana');
  const s1 = b.source('interview-01.txt', T1);
  const s2 = b.source('interview-02.txt', T2);
  const barriers = b.code('Barriers', { codable: false });
  const transport = b.code('transport barriers', { parentId: barriers.id, definition: 'Getting to services is hard.' });
  const housing = b.code('Housing', { definition: 'Finding a place to live.', color: '#e15759' });
  const police = b.code('Police contact', { parentId: barriers.id });
  const trust = b.code('Trust');
  const workarounds = b.code('Staff workarounds', { origin: 'inductive', firstSourceId: s2.id });
  // Ana's codings, hand-placed on known words.
  const bus = T1.indexOf('The bus never comes');
  b.coding(ana, transport, s1, bus, bus + 'The bus never comes'.length); // 19 chars
  const call = T1.indexOf('We call');
  b.coding(ana, police, s1, call, call + 'We call the case manager first.'.length);
  const noHousing = T2.indexOf('There is no housing');
  b.coding(ana, housing, s2, noHousing, noHousing + 'There is no housing'.length);
  const wa = T2.indexOf('We find workarounds.');
  b.coding(ana, workarounds, s2, wa, wa + 'We find workarounds.'.length);
  return { builder: b, project: b.project, ana, s1, s2, barriers, transport, housing, police, trust, workarounds };
}

export function benProject() {
  const a = anaProject();
  const b = new ProjectBuilder(202, 'Ben');
  const ben = b.coder('Ben');
  // Same transcripts under other names (and a trailing newline from another importer), plus one more.
  const s1 = b.source('P01 transcript.docx', T1);
  const s2 = b.source('P02.txt', `${T2}\n`);
  const s3 = b.source('interview-03.txt', T3);
  const copy = (code: Code, patch: Partial<Code> = {}): Code => {
    const row = { ...code, ...patch };
    b.project.codes.push(row);
    return row;
  };
  const barriers = copy(a.barriers);
  const transport = copy(a.transport, { definition: 'Distance, fares or timetables keep people from services.' });
  const housing = copy(a.housing, { name: 'Housing instability' });
  const police = copy(a.police, { parentId: null });
  const workarounds = copy(a.workarounds, { firstSourceId: s2.id });
  // Ben's own codes: one Ana also made (another GUID), one similar to Ana's, one new.
  const trust = b.code('Trust', { order: 10 });
  const transportation = b.code('Transportation barrier', { parentId: barriers.id, origin: 'inductive', firstSourceId: s1.id });
  const peer = b.code('Peer support', { origin: 'in-vivo', firstSourceId: s3.id });
  const bus = T1.indexOf('The bus never comes');
  b.coding(ben, transport, s1, bus, bus + 'The bus never comes, so I miss appointments'.length);
  b.coding(ben, transportation, s1, bus, bus + 7);
  const noHousing = T2.indexOf('There is no housing');
  b.coding(ben, housing, s2, noHousing, noHousing + 'There is no housing'.length);
  b.coding(ben, police, s1, 0, 'Officer'.length);
  b.coding(ben, trust, s3, 0, T3.length);
  b.coding(ben, peer, s3, T3.indexOf('Diversion'), T3.length);
  b.coding(ben, workarounds, s2, T2.indexOf('workarounds'), T2.indexOf('workarounds') + 'workarounds'.length);
  return { ana: a, builder: b, project: b.project, ben, s1, s2, s3, barriers, transport, housing, police, workarounds, trust, transportation, peer };
}
