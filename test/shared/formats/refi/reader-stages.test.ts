/**
 * The REFI reader's stages run alone over a context made for them: each reads its part of
 * the file into rows and marks what it used, and the preservation stage keeps the rest.
 */
import { describe, expect, it } from 'vitest';
import { seededGuids } from '../../../../shared/model/ids';
import { parseXml } from '../../../../shared/formats/refi/xml';
import { newContext } from '../../../../shared/formats/refi/reader/context';
import { readUsers } from '../../../../shared/formats/refi/reader/users';
import { readCodes } from '../../../../shared/formats/refi/reader/codes';
import { readSets } from '../../../../shared/formats/refi/reader/sets';
import { preserveRest } from '../../../../shared/formats/refi/reader/preserve';

const U = 'AB7E4D10-0001-4C11-8A21-3E5D2A6F9B10';
const C = 'C0DE0001-0000-4000-8000-000000000001';
const xml = `<Project xmlns="urn:QDA-XML:project:1.0" name="P" origin="QualCoder 3.6" basePath="/data">
  <Users><User guid="${U}" name="Rosa" id="RO"/><User guid="${U}" name="Rosa again"/></Users>
  <CodeBook><Codes><Code guid="${C}" name="Place" isCodable="true" color="#4682B4" shape="round"><Description>Where</Description><Extra/></Code></Codes></CodeBook>
  <Sets><Set guid="5E700002-0000-4000-8000-000000000002" name="Reading"><MemberCode targetGUID="${C}"/><MemberNote targetGUID="A0707E01-0000-4000-8000-000000000001"/></Set></Sets>
  <Graphs><Graph guid="96A00001-0000-4000-8000-000000000001"/></Graphs>
</Project>`;

const context = () => newContext(parseXml(xml, 'p.qde'), 'p.qde', { newId: seededGuids(1), now: '2026-01-01T00:00:00Z' });

describe('REFI reader stages', () => {
  it('users: one coder per GUID, the second declaration used up too', () => {
    const ctx = context();
    readUsers(ctx);
    expect(ctx.rows.coders).toEqual([{ id: U.toLowerCase(), name: 'Rosa' }]);
    expect([...ctx.used.values()]).toEqual([U.toLowerCase(), '']);
  });

  it('codes: rows with their definition, marking the code and its Description used', () => {
    const ctx = context();
    readCodes(ctx);
    expect(ctx.rows.codes.map((c) => [c.name, c.definition, c.color])).toEqual([['Place', 'Where', '#4682b4']]);
    expect(ctx.used.get(ctx.root.children[1]!.children[0]!.children[0]!)).toBe(C.toLowerCase());
  });

  it('sets: a theme of the codes it can hold', () => {
    const ctx = context();
    readCodes(ctx);
    readSets(ctx);
    expect(ctx.rows.themes.map((t) => [t.name, t.codeIds])).toEqual([['Reading', [C.toLowerCase()]]]);
  });

  it('preserve: keeps unknown attributes, unknown children and unused elements under their owners', () => {
    const ctx = context();
    readUsers(ctx);
    readCodes(ctx);
    readSets(ctx);
    preserveRest(ctx);
    const rows = Object.fromEntries(ctx.rows.preserved.map((r) => [r.kind === 'element' ? r.owner : r.id, r]));
    expect(rows.project).toMatchObject({ attrs: { basePath: '/data' }, children: [{ name: 'Graphs' }] });
    expect(rows[U.toLowerCase()]).toMatchObject({ attrs: { id: 'RO' } });
    expect(rows[C.toLowerCase()]).toMatchObject({ attrs: { shape: 'round' }, children: [{ name: 'Extra', attrs: {}, children: [] }] });
    expect(rows['5e700002-0000-4000-8000-000000000002']).toMatchObject({ children: [{ name: 'MemberNote' }] });
    expect(ctx.rows.preserved.some((r) => r.kind === 'lossy')).toBe(false);
  });
});
