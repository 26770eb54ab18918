/** Each supported format, from files built here, down to the structure a reader sees. */
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../../shared/import';
import type { ImportPreview } from '../../../shared/import';
import { buildDocx, buildOdt, buildRawDocx, buildXlsx } from './build-fixtures';
import { paragraphTexts, STRAY_MARKUP, turnTexts, utf8 } from './helpers';

const doc = (p: ImportPreview, i = 0) => p.documents[i]!.structure;

describe('formats', () => {
  it('.docx: paragraphs and speaker turns, formatting dropped', async () => {
    const bytes = await buildDocx([
      'Interview 4 – Site C',
      { bold: 'Interviewer: ', text: 'What made the program “work” for you?' },
      { bold: 'Participant: ', text: 'Having my case manager’s number.' },
      'She picked up at night too.',
      { bold: 'Interviewer: ', text: 'Thank you.' },
    ]);
    const p = await analyzeFile(bytes, 'int4.docx');
    expect(p.format).toBe('docx');
    expect(p.speakers.map((s) => [s.name, s.turns, s.role])).toEqual([
      ['Interviewer', 2, 'interviewer'],
      ['Participant', 1, 'respondent'],
    ]);
    expect(turnTexts(doc(p))).toEqual([
      { speaker: 'Interviewer', text: 'What made the program “work” for you?' },
      { speaker: 'Participant', text: 'Having my case manager’s number.\n\nShe picked up at night too.' },
      { speaker: 'Interviewer', text: 'Thank you.' },
    ]);
    expect(paragraphTexts(doc(p))[0]).toBe('Interview 4 – Site C');
    expect(doc(p).text).not.toMatch(STRAY_MARKUP);
  });

  it('.docx as Word shows it: tracked insertions in, deletions and field codes out, tables and text boxes as paragraphs', async () => {
    const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
    const bytes = buildRawDocx(
      [
        `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${run('Interviewer:')}<w:r><w:tab/></w:r>${run('Was the van ')}<w:del><w:r><w:delText>never</w:delText></w:r></w:del><w:ins>${run('often')}</w:ins>${run(' late?')}</w:p>`,
        `<w:p>${run('P07: See ')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://x" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('the schedule')}<w:r><w:fldChar w:fldCharType="end"/></w:r>${run('.')}<w:r><w:br/></w:r>${run('Second line.')}</w:p>`,
        `<w:tbl><w:tr><w:tc><w:p>${run('Cell one')}</w:p></w:tc><w:tc><w:p>${run('Cell two')}</w:p></w:tc></w:tr></w:tbl>`,
        `<w:p>${run('Interviewer: Thanks')}<w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p>${run('Box text')}</w:p></w:txbxContent></mc:Choice><mc:Fallback><w:p>${run('Box text')}</w:p></mc:Fallback></mc:AlternateContent></w:r>${run('.')}</w:p>`,
        `<w:p>${run('P07: Bye &amp; thanks.')}</w:p>`,
      ].join(''),
    );
    const p = await analyzeFile(bytes, 'tracked.docx');
    expect(paragraphTexts(doc(p))).toEqual([
      'Interviewer:\tWas the van often late?',
      'P07: See the schedule.',
      'Second line.',
      'Cell one',
      'Cell two',
      'Box text',
      'Interviewer: Thanks.',
      'P07: Bye & thanks.',
    ]);
    expect(p.speakers.map((s) => [s.name, s.turns])).toEqual([
      ['Interviewer', 2],
      ['P07', 2],
    ]);
  });

  it('.docx text is stored NFC with \\n, like every other import', async () => {
    const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
    const bytes = buildRawDocx(`<w:p>${run('Rene\u0301e: cafe\u0301&#13;&#10;next')}</w:p><w:p>${run('Ana: ok')}</w:p>`);
    const p = await analyzeFile(bytes, 'nfd.docx');
    expect(doc(p).text).toBe('Renée: café\nnext\n\nAna: ok');
  });

  it('.docx whose document part is not well-formed is refused by name, saying where', async () => {
    const bytes = buildRawDocx('<w:p><w:r><w:t>Interviewer: Hello</w:r></w:p>');
    await expect(analyzeFile(bytes, 'broken.docx')).rejects.toThrow(
      /^broken\.docx: the file is damaged: word\/document\.xml is not well-formed XML \(<\/w:r> closes <w:t> at character \d+\)$/,
    );
  });

  it('.odt: paragraphs, headings, spaces and tabs; notes and tracked deletions left out', async () => {
    const bytes = buildOdt([
      '<text:h>Focus group 2</text:h>',
      '<text:p>Moderator:<text:s/>Welcome,<text:tab/>all.<text:note><text:note-body><text:p>footnote</text:p></text:note-body></text:note></text:p>',
      '<text:p>Ana: Glad to be <text:span>here</text:span> – really.</text:p>',
      '<text:tracked-changes><text:changed-region><text:deletion><text:p>deleted words</text:p></text:deletion></text:changed-region></text:tracked-changes>',
      '<text:p>Moderator: Let us begin.</text:p>',
    ]);
    const p = await analyzeFile(bytes, 'fg2.odt');
    expect(paragraphTexts(doc(p))).toEqual(['Focus group 2', 'Moderator: Welcome,\tall.', 'Ana: Glad to be here – really.', 'Moderator: Let us begin.']);
    expect(p.speakers.map((s) => s.name)).toEqual(['Moderator', 'Ana']);
    expect(doc(p).text).not.toMatch(/footnote|deleted words/);
  });

  it('.odt text is stored NFC, like every other import', async () => {
    const p = await analyzeFile(buildOdt(['<text:p>Rene\u0301e: cafe\u0301 next</text:p>', '<text:p>Ana: ok</text:p>']), 'nfd.odt');
    expect(doc(p).text).toBe('Renée: café next\n\nAna: ok');
  });

  it('.vtt with voice tags: speakers, cue times on turns, same-speaker cues joined, NOTE/STYLE skipped, entities decoded', async () => {
    const vtt = [
      'WEBVTT - Teams export',
      '',
      'NOTE written by the meeting tool',
      '',
      'STYLE',
      '::cue { color: white }',
      '',
      'a1b2/12-0',
      '00:00:01.000 --> 00:00:03.500',
      '<v Jordan Lee>Thanks for joining &amp; welcome.</v>',
      '',
      '00:00:03.500 --> 00:00:06.000',
      '<v Jordan Lee>First question: how did you hear of LEAD?</v>',
      '',
      '00:00:06.200 --> 00:00:09.000',
      '<v.loud Sam Ortiz>An <i>officer</i> told me.</v>',
      '',
      '00:01:10.000 --> 00:01:12.000 align:start',
      '<v Jordan Lee><c.yellow>OK.</c></v>',
    ].join('\r\n');
    const p = await analyzeFile(utf8(vtt), 'teams.vtt');
    const s = doc(p);
    expect(turnTexts(s)).toEqual([
      { speaker: 'Jordan Lee', text: 'Thanks for joining & welcome. First question: how did you hear of LEAD?' },
      { speaker: 'Sam Ortiz', text: 'An officer told me.' },
      { speaker: 'Jordan Lee', text: 'OK.' },
    ]);
    expect(s.turns.map((t) => t.timeMs)).toEqual([1_000, 6_200, 70_000]);
    expect(s.text).not.toMatch(STRAY_MARKUP);
    expect(s.text).not.toMatch(/NOTE|STYLE|a1b2/);
  });

  it('.srt with "Name:" in the cue text: speakers recognised, tags and numbers removed', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nInterviewer: Ready?\n\n2\n00:00:02,500 --> 00:00:04,000\n<i>Dana:</i> Yes,\nready.\n\n3\n00:00:04,100 --> 00:00:05,000\nInterviewer: Go on.\n\n4\n00:00:05,000 --> 00:00:06,000\nDana: Fine.\n';
    const p = await analyzeFile(utf8(srt), 'clip.srt');
    expect(turnTexts(doc(p))).toEqual([
      { speaker: 'Interviewer', text: 'Ready?' },
      { speaker: 'Dana', text: 'Yes, ready.' },
      { speaker: 'Interviewer', text: 'Go on.' },
      { speaker: 'Dana', text: 'Fine.' },
    ]);
    expect(doc(p).turns[1]!.timeMs).toBe(2_500);
    expect(doc(p).text).not.toMatch(/^\d+$/m);
  });

  it('captions stay NFC where removed markup or an entity joins a letter and its accent', async () => {
    const cue = (n: number, text: string) => `00:00:0${n}.000 --> 00:00:0${n}.900\n<v Ana>${text}\n`;
    const vtt = ['WEBVTT', '', cue(1, 'Cafe<i>\u0301</i> open.'), cue(2, 'Cafe&#x301; shut.'), cue(3, 'Cafe&lrm;\u0301 again.')].join('\n');
    const text = doc(await analyzeFile(utf8(vtt), 'accents.vtt')).text;
    expect(text).toBe('Ana: Café open. Café shut. Café again.');
    expect(text.normalize('NFC')).toBe(text);
  });

  it('captions: runs of blanks become one space, also where removed markup leaves them', async () => {
    const cue = (n: number, text: string) => `00:00:0${n}.000 --> 00:00:0${n}.900\n${text}\n`;
    const tabbed = ['WEBVTT', '', cue(1, 'We  waited\tthere.'), cue(2, 'Then <i>nobody</i>  came.')].join('\n');
    expect(paragraphTexts(doc(await analyzeFile(utf8(tabbed), 'tabs.vtt')))).toEqual(['We waited there.', 'Then nobody came.']);
    // No blank run anywhere in the file until a tag is removed.
    const tagged = ['WEBVTT', '', cue(1, 'Then <c.loud></c.loud> came.')].join('\n');
    expect(paragraphTexts(doc(await analyzeFile(utf8(tagged), 'tag.vtt')))).toEqual(['Then came.']);
  });

  it('.vtt mixing voice tags and "Name:" labels: every labelled cue is a turn of its speaker, with its cue time', async () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:02.000',
      '<v Dr. Lee>How did it start?',
      '',
      '00:00:02.000 --> 00:00:05.000',
      '<v Participant 3>With a stop on the street.',
      '',
      '00:00:05.000 --> 00:00:07.000',
      'Dr. Lee: And after that?',
      '',
      '00:00:07.000 --> 00:00:09.000',
      'Nurse Kim: I took over then.',
    ].join('\n');
    const s = doc(await analyzeFile(utf8(vtt), 'zoom.vtt'));
    expect(turnTexts(s)).toEqual([
      { speaker: 'Dr. Lee', text: 'How did it start?' },
      { speaker: 'Participant 3', text: 'With a stop on the street.' },
      { speaker: 'Dr. Lee', text: 'And after that?' },
      { speaker: 'Nurse Kim', text: 'I took over then.' },
    ]);
    expect(s.turns.map((t) => t.timeMs)).toEqual([1_000, 2_000, 5_000, 7_000]);
    expect(s.paragraphs.every((p) => s.turns.some((t) => t.start >= p.start && t.end <= p.end))).toBe(true);
  });

  it('.vtt and .srt captions without speakers: one paragraph per cue, each keeping its cue time', async () => {
    const srt = '1\n00:00:01,500 --> 00:00:02,000\nWe went there.\n\n2\n00:01:02,000 --> 00:01:04,000\nThen we <i>waited</i>.\n';
    const s = doc(await analyzeFile(utf8(srt), 'plain.srt'));
    expect(s.turns).toEqual([]);
    expect(paragraphTexts(s)).toEqual(['We went there.', 'Then we waited.']);
    expect(s.paragraphs.map((p) => p.timeMs)).toEqual([1_500, 62_000]);
  });

  it('.vtt rolling captions keep a repeated line once, but a conversation may repeat itself', async () => {
    const rolling = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nwe went\n\n00:00:02.000 --> 00:00:03.000\nwe went\nto the clinic\n\n00:00:03.000 --> 00:00:04.000\nto the clinic\nand waited';
    expect(paragraphTexts(doc(await analyzeFile(utf8(rolling), 'auto.vtt')))).toEqual(['we went', 'to the clinic', 'and waited']);
    const talk = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v A>Yes.\n\n00:00:02.000 --> 00:00:03.000\n<v B>Yes.\n\n00:00:03.000 --> 00:00:04.000\n<v A>Good.';
    expect(turnTexts(doc(await analyzeFile(utf8(talk), 'talk.vtt'))).map((t) => t.text)).toEqual(['Yes.', 'Yes.', 'Good.']);
  });

  it('.csv utterances: columns recognised by name, times parsed, one source per conversation', async () => {
    const csv = 'conversation,Speaker,Statement,Time\nA,Interviewer,"Hello, how are you?",00:00:05\nA,Resp,Fine.,00:00:09\nB,Interviewer,Second talk.,1:02\nB,Resp,Still fine.,1:09.5\n';
    const p = await analyzeFile(utf8(csv), 'rows.csv');
    expect(p.table).toMatchObject({ mode: 'utterances', mapping: { speaker: 'Speaker', text: 'Statement', time: 'Time', case: 'conversation' } });
    expect(p.documents.map((d) => [d.name, d.caseName])).toEqual([
      ['rows – A', 'A'],
      ['rows – B', 'B'],
    ]);
    expect(doc(p, 1).turns.map((t) => t.timeMs)).toEqual([62_000, 69_500]);
    expect(turnTexts(doc(p, 0))[0]).toEqual({ speaker: 'Interviewer', text: 'Hello, how are you?' });
  });

  it('.csv with user-chosen columns and a semicolon delimiter', async () => {
    const csv = 'wer;was;wann\nMia;Hallo zusammen;0:01\nTom;Servus;0:04\n';
    await expect(analyzeFile(utf8(csv), 'de.csv')).rejects.toThrow(/de\.csv: no text column/);
    const p = await analyzeFile(utf8(csv), 'de.csv', { columns: { speaker: 'wer', text: 'was', time: 'wann' } });
    expect(turnTexts(doc(p))).toEqual([
      { speaker: 'Mia', text: 'Hallo zusammen' },
      { speaker: 'Tom', text: 'Servus' },
    ]);
    await expect(analyzeFile(utf8(csv), 'de.csv', { columns: { text: 'nope' } })).rejects.toThrow("the column 'nope' given for text is not in the file");
  });

  it('survey .csv: open-ended columns recognised by length and variety, overridable', async () => {
    const csv = [
      'ResponseId,Site,Age,Why did you join?,Rating,Anything else?',
      'R1,North,34,Because an officer offered it instead of jail.,4,The van came late sometimes.',
      'R2,South,29,My friend said the case managers actually call back.,5,',
      'R3,North,51,I needed housing and nobody else would help me.,3,More beds please.',
      'R4,East,45,The court suggested it and I was tired of cycling through.,4,No.',
    ].join('\n');
    const p = await analyzeFile(utf8(csv), 'survey.csv');
    expect(p.format).toBe('survey');
    expect(p.table).toMatchObject({ mode: 'survey', mapping: { case: 'ResponseId' }, openEnded: ['Why did you join?', 'Anything else?'], attributeColumns: ['Site', 'Age', 'Rating'] });
    expect(p.documents).toHaveLength(4);
    expect(turnTexts(doc(p, 0))).toEqual([
      { speaker: 'Why did you join?', text: 'Because an officer offered it instead of jail.' },
      { speaker: 'Anything else?', text: 'The van came late sometimes.' },
    ]);
    expect(p.documents[1]!.structure.turns).toHaveLength(1);
    expect(p.documents[0]).toMatchObject({ caseName: 'R1', caseValues: { Site: 'North', Age: '34', Rating: '4' } });
    const narrowed = await analyzeFile(utf8(csv), 'survey.csv', { openEnded: ['Why did you join?'] });
    expect(narrowed.table!.attributeColumns).toContain('Anything else?');
    expect(narrowed.documents[0]!.structure.turns).toHaveLength(1);
  });

  it('.xlsx written by exceljs: utterance rows with shared strings, numbers and Excel times', async () => {
    const bytes = await buildXlsx([
      ['Speaker', 'Text', 'Time', 'Session'],
      ['Interviewer', 'Tell me about the drop-in centre.', '00:00:04', 1],
      ['Respondent', 'It’s open till 9 – that matters.', '00:00:10', 1],
      ['Interviewer', 'Thanks.', '00:01:00', 1],
    ]);
    const p = await analyzeFile(bytes, 'sheet.xlsx');
    expect(p.format).toBe('xlsx');
    expect(turnTexts(doc(p))).toEqual([
      { speaker: 'Interviewer', text: 'Tell me about the drop-in centre.' },
      { speaker: 'Respondent', text: 'It’s open till 9 – that matters.' },
      { speaker: 'Interviewer', text: 'Thanks.' },
    ]);
    expect(doc(p).turns.map((t) => t.timeMs)).toEqual([4_000, 10_000, 60_000]);
  });

  it('.xlsx survey: one respondent per row, dates as ISO text', async () => {
    const bytes = await buildXlsx([
      ['Participant', 'Interviewed', 'What would you change about the program?'],
      ['P01', new Date(Date.UTC(2026, 4, 3)), 'More staff at night, and a phone line that answers.'],
      ['P02', new Date(Date.UTC(2026, 4, 4)), 'Faster housing referrals; the waiting list is months.'],
    ]);
    const p = await analyzeFile(bytes, 'answers.xlsx');
    expect(p.format).toBe('survey');
    expect(p.documents.map((d) => [d.caseName, d.caseValues])).toEqual([
      ['P01', { Interviewed: '2026-05-03' }],
      ['P02', { Interviewed: '2026-05-04' }],
    ]);
  });

  it('.md and .txt: Markdown kept as typed, UTF-16 text decoded', async () => {
    const md = await analyzeFile(utf8('# Interview 9\n\n**Interviewer:** Hi.\n\n**Kim:** Hello.\n\n**Kim:** Bye.'), 'nine.md');
    expect(md.format).toBe('md');
    expect(md.speakers.map((s) => s.name)).toEqual(['Interviewer', 'Kim']);
    const text = 'Q: Où?\nA: À Lyon.';
    const le = new Uint8Array(2 + text.length * 2);
    le[0] = 0xff;
    le[1] = 0xfe;
    for (let i = 0; i < text.length; i++) le[2 + i * 2] = text.charCodeAt(i);
    const txt = await analyzeFile(le, 'lyon.txt');
    expect(txt.encoding).toBe('utf-16le');
    expect(turnTexts(doc(txt))).toEqual([
      { speaker: 'Q', text: 'Où?' },
      { speaker: 'A', text: 'À Lyon.' },
    ]);
  });
});
