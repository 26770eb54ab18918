/** Speaker-turn conventions in plain text, and the guards that keep ordinary sentences from becoming speakers. */
import { describe, expect, it } from 'vitest';
import { detectTurns } from '../../../shared/import';
import { paragraphTexts, STRAY_MARKUP, turnTexts } from './helpers';

const turns = (text: string) => turnTexts(detectTurns(text).structure);

describe('speaker turns in plain text', () => {
  it('Name: labels keep the text as typed; spans cover the utterance only', () => {
    const text = 'Interviewer: How did you come to LEAD?\n\nRespondent: An officer offered it to me.\n\nInterviewer: And then?';
    const { structure, utterances } = detectTurns(text);
    expect(structure.text).toBe(text);
    expect(utterances).toBeUndefined();
    expect(turns(text)).toEqual([
      { speaker: 'Interviewer', text: 'How did you come to LEAD?' },
      { speaker: 'Respondent', text: 'An officer offered it to me.' },
      { speaker: 'Interviewer', text: 'And then?' },
    ]);
    expect(structure.speakers).toEqual([
      { name: 'Interviewer', role: 'interviewer' },
      { name: 'Respondent', role: 'respondent' },
    ]);
  });

  it('names in any script, or ASCII with a letter from another further on, are labels alike', () => {
    // ASCII names take a faster path; these check it agrees with the Unicode one at its edges.
    const text = [
      'Anna Bell: Yes.',
      'José María: We waited.',
      'Anna Łukasz: Since March.',
      'Dr. Müller (B): Two beds.',
      'Anna Bell: Then?',
      'José María: Nothing.',
      'Anna Łukasz: Again: nothing.',
      'Dr. Müller (B): Right.',
      'Anna Bell (ü): Ok.',
      'Anna Bell (ü): Ok.',
    ].join('\n');
    expect(turns(text).map((t) => t.speaker)).toEqual([
      'Anna Bell',
      'José María',
      'Anna Łukasz',
      'Dr. Müller (B)',
      'Anna Bell',
      'José María',
      'Anna Łukasz',
      'Dr. Müller (B)',
      'Anna Bell (ü)',
      'Anna Bell (ü)',
    ]);
    expect(turns(text)[6]!.text).toBe('Again: nothing.');
  });

  it('Q:/A: pairs, with Q guessed as the interviewer', () => {
    const { structure } = detectTurns('Q: Where do you sleep?\nA: Shelter, mostly.\nQ: Since when?\nA: March.');
    expect(turnTexts(structure).map((t) => `${t.speaker}|${t.text}`)).toEqual(['Q|Where do you sleep?', 'A|Shelter, mostly.', 'Q|Since when?', 'A|March.']);
    expect(structure.speakers.find((s) => s.name === 'Q')!.role).toBe('interviewer');
    expect(structure.speakers.find((s) => s.name === 'A')!.role).toBe('respondent');
  });

  it('[id] brackets and P07: participant codes', () => {
    expect(turns('[P1] Yes.\n[P2] No.\n[P1] Maybe.').map((t) => t.speaker)).toEqual(['P1', 'P2', 'P1']);
    expect(turns('I: Tell me more.\nP07: It was hard.\nI: Why?\nP07: No housing.')).toEqual([
      { speaker: 'I', text: 'Tell me more.' },
      { speaker: 'P07', text: 'It was hard.' },
      { speaker: 'I', text: 'Why?' },
      { speaker: 'P07', text: 'No housing.' },
    ]);
  });

  it('a paragraph without a label continues the previous turn', () => {
    const text = 'Case Manager Lee: First paragraph.\n\nSecond paragraph of the same answer.\n\nOfficer Diaz: Short reply.\n\nCase Manager Lee: Again.';
    const { structure } = detectTurns(text);
    expect(turnTexts(structure)[0]).toEqual({ speaker: 'Case Manager Lee', text: 'First paragraph.\n\nSecond paragraph of the same answer.' });
    expect(structure.turns).toHaveLength(3);
    expect(paragraphTexts(structure)).toHaveLength(4);
  });

  it('a label alone on its line starts the turn at the next line', () => {
    expect(turns('INTERVIEWER:\nWhat happened next?\nRESPONDENT:\nI got a bed.')).toEqual([
      { speaker: 'INTERVIEWER', text: 'What happened next?' },
      { speaker: 'RESPONDENT', text: 'I got a bed.' },
    ]);
  });

  it('differently capitalised labels are one speaker; markdown bold labels work', () => {
    expect(turns('**Anna:** Hi.\n**Ben:** Hello.\n**anna:** Bye.').map((t) => t.speaker)).toEqual(['Anna', 'Ben', 'Anna']);
  });

  it('text before the first label stays as narrative paragraphs outside any turn', () => {
    const text = 'Interview 12, Site B, 3 May 2026\n\nInterviewer: Ready?\nParticipant: Yes.';
    const { structure } = detectTurns(text);
    expect(structure.turns[0]!.start).toBeGreaterThan(text.indexOf('Interviewer'));
    expect(paragraphTexts(structure)[0]).toBe('Interview 12, Site B, 3 May 2026');
  });

  it('Teams/Otter layout: a name and time line above the text; times go to the turns and leave the text', () => {
    const text = 'John Smith   0:03\nHello everyone.\nThanks for coming.\n\nMaria Lopez   0:15\nHappy to be here.\n\nJohn Smith   1:02:07\nLet us start.';
    const { structure } = detectTurns(text);
    expect(turnTexts(structure)).toEqual([
      { speaker: 'John Smith', text: 'Hello everyone.\nThanks for coming.' },
      { speaker: 'Maria Lopez', text: 'Happy to be here.' },
      { speaker: 'John Smith', text: 'Let us start.' },
    ]);
    expect(structure.turns.map((t) => t.timeMs)).toEqual([3_000, 15_000, 3_727_000]);
    expect(structure.text).not.toMatch(/\d:\d\d/);
  });

  it('Zoom and timestamp-first layouts: "00:01:02 Name", "[10:02] Name", "[Name] 10:02:03"', () => {
    const a = detectTurns('00:01:02 John Smith\nHi there.\n00:01:09 Ann Lee\nHi John.').structure;
    expect(turnTexts(a)).toEqual([
      { speaker: 'John Smith', text: 'Hi there.' },
      { speaker: 'Ann Lee', text: 'Hi John.' },
    ]);
    expect(a.turns[1]!.timeMs).toBe(69_000);
    const b = detectTurns('[10:02] Ann\nFirst.\n[10:05] Bo\nSecond.').structure;
    expect(turnTexts(b).map((t) => t.speaker)).toEqual(['Ann', 'Bo']);
    const c = detectTurns('[John Smith] 10:02:03\nMorning.\n[Ann Lee] 10:02:09\nMorning, John.').structure;
    expect(turnTexts(c)).toEqual([
      { speaker: 'John Smith', text: 'Morning.' },
      { speaker: 'Ann Lee', text: 'Morning, John.' },
    ]);
  });

  it('timestamped labels on the text line: "[00:01:02] Name: text" and "Speaker 1 (00:00): text"', () => {
    const a = detectTurns('[00:00:05] Interviewer: Hello.\n[00:00:09] Sam: Hi.').structure;
    expect(turnTexts(a)).toEqual([
      { speaker: 'Interviewer', text: 'Hello.' },
      { speaker: 'Sam', text: 'Hi.' },
    ]);
    expect(a.text).toBe('Interviewer: Hello.\n\nSam: Hi.');
    expect(a.turns.map((t) => t.timeMs)).toEqual([5_000, 9_000]);
    const b = detectTurns('Speaker 1 (00:00): Welcome.\nSpeaker 2 (00:04): Thanks.').structure;
    expect(turnTexts(b).map((t) => t.speaker)).toEqual(['Speaker 1', 'Speaker 2']);
    const c = detectTurns('Interviewer: [00:01:23] Why?\nMaya: (01:30) Because.').structure;
    expect(turnTexts(c)).toEqual([
      { speaker: 'Interviewer', text: 'Why?' },
      { speaker: 'Maya', text: 'Because.' },
    ]);
    expect(c.turns.map((t) => t.timeMs)).toEqual([83_000, 90_000]);
  });

  it("a transcriber's timestamp closing the label line dates the turn and leaves the text", () => {
    const s = detectTurns('Interviewer: And then? [00:03:15]\nMaya: We went home – café. (00:03:40)\nInterviewer: Okay.').structure;
    expect(turnTexts(s)).toEqual([
      { speaker: 'Interviewer', text: 'And then?' },
      { speaker: 'Maya', text: 'We went home – café.' },
      { speaker: 'Interviewer', text: 'Okay.' },
    ]);
    expect(s.turns.map((t) => t.timeMs)).toEqual([195_000, 220_000, undefined]);
    expect(s.text).not.toMatch(/\d:\d\d/);
  });

  it('Teams Word transcripts: a cue timing line, then the name, then the words', () => {
    const text = [
      'Meeting transcript',
      '0:0:0.0 --> 0:0:3.960',
      'Jordan Lee',
      'Thanks for joining.',
      '',
      '0:0:4.100 --> 0:0:6.0',
      'Jordan Lee',
      'Shall we start?',
      '0:0:6.500 --> 0:0:9.120',
      'Sam Ortiz',
      'Yes, go ahead.',
    ].join('\n');
    const { structure } = detectTurns(text);
    expect(turnTexts(structure)).toEqual([
      { speaker: 'Jordan Lee', text: 'Thanks for joining. Shall we start?' },
      { speaker: 'Sam Ortiz', text: 'Yes, go ahead.' },
    ]);
    expect(structure.turns.map((t) => t.timeMs)).toEqual([0, 6_500]);
    expect(paragraphTexts(structure)[0]).toBe('Meeting transcript');
    expect(structure.text).not.toMatch(STRAY_MARKUP);
  });

  it('<v Name> voice tags in plain text lose the tags', () => {
    const { structure } = detectTurns('<v Ann>Hello there.</v>\n<v Bo>Hi.</v>');
    expect(turnTexts(structure)).toEqual([
      { speaker: 'Ann', text: 'Hello there.' },
      { speaker: 'Bo', text: 'Hi.' },
    ]);
    expect(structure.text).not.toMatch(STRAY_MARKUP);
  });

  describe('false positives', () => {
    it('a sentence containing a colon is not a speaker', () => {
      const text = 'The problem is: nobody came.\nWe tried twice. The reason was simple: no beds.\nThe problem is: money.';
      expect(detectTurns(text).structure.turns).toEqual([]);
    });

    it('a name used once is not a speaker', () => {
      expect(detectTurns('Dear Maria: thanks for the notes.\nI read them twice.').structure.turns).toEqual([]);
    });

    it('metadata headings and stage directions are not speakers', () => {
      expect(detectTurns('Date: 3 May\nLocation: Site A\nNote: noisy room\nNote: phone rang').structure.turns).toEqual([]);
      expect(detectTurns('[inaudible] then we left\n[laughter] yes\n[inaudible] again').structure.turns).toEqual([]);
    });

    it('labels must sit at the start of a line', () => {
      expect(detectTurns('She said Ann: go home. He said Bo: stay.\nThen Ann: fine.').structure.turns).toEqual([]);
    });

    it('a single recurring name without a second voice is a heading pattern, not a dialogue', () => {
      expect(detectTurns('Summary: one\nSummary: two\nSummary: three').structure.turns).toEqual([]);
    });

    it('text with no labels stays narrative paragraphs with no turns', () => {
      const { structure } = detectTurns('First paragraph.\n\nSecond paragraph.');
      expect(structure.turns).toEqual([]);
      expect(structure.speakers).toEqual([]);
      expect(paragraphTexts(structure)).toEqual(['First paragraph.', 'Second paragraph.']);
    });

    it('a Teams layout ignores colons inside what people say', () => {
      const text = 'Ann Lee   0:01\nMy point: we need beds.\n\nBo Chan   0:09\nAgreed: beds first.';
      expect(turns(text).map((t) => t.speaker)).toEqual(['Ann Lee', 'Bo Chan']);
    });
  });
});
