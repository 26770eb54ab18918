import { describe, expect, it } from 'vitest';
import { attributionWarnings, formatAttribution, templateFields } from '../../../shared/report';

const facts = {
  attributes: { role: 'case manager', site: 'Site A', group: 'partner' },
  caseName: 'P07',
  speaker: 'Maria',
  sourceName: 'maria-2024.docx',
};
const hidden = { showSourceNames: false };

describe('formatAttribution', () => {
  it('fills a template from case attributes, capitalising each value', () => {
    expect(formatAttribution('{role}, {site}', facts, hidden)).toBe('Case manager, Site A');
    expect(formatAttribution('{Group} ({case})', facts, hidden)).toBe('Partner (P07)');
  });

  it('drops a separator whose neighbour has no value', () => {
    expect(formatAttribution('{role}, {district}', facts, hidden)).toBe('Case manager');
    expect(formatAttribution('{district}, {site}', facts, hidden)).toBe('Site A');
    expect(formatAttribution('{role} / {district} / {site}', facts, hidden)).toBe('Case manager / Site A');
  });

  it('never shows the source name unless asked, and falls back to a neutral label', () => {
    expect(formatAttribution('{source}', facts, hidden)).toBe('Interviewee');
    expect(formatAttribution('{role}, {source}', facts, hidden)).toBe('Case manager');
    expect(formatAttribution('{role}, {source}', facts, { showSourceNames: true })).toBe(
      'Case manager, maria-2024.docx',
    );
    expect(formatAttribution('Participant', facts, hidden)).toBe('Participant');
  });

  it('lists the fields a template uses', () => {
    expect(templateFields('{role}, { site }')).toEqual(['role', 'site']);
  });
});

describe('attributionWarnings', () => {
  const names = ['Participant type', 'Site', 'Role'];
  it('names a field that is no attribute, since it silently drops out of every quote (QA F26)', () => {
    const [warning, ...rest] = attributionWarnings('{case}, {Nope}', names, hidden);
    expect(rest).toEqual([]);
    expect(warning).toContain('{Nope}');
    expect(warning).toContain('{Site}');
    expect(warning).not.toContain('{case},');
  });

  it('says {source} is left out while source names are hidden, and not once they are allowed', () => {
    expect(attributionWarnings('{source}', names, hidden)).toEqual([expect.stringContaining('{source} is left out')]);
    expect(attributionWarnings('{source}', names, { showSourceNames: true })).toEqual([]);
  });

  it('is quiet for a template of known fields, in any letter case', () => {
    expect(attributionWarnings('{role}, {SITE} ({case}, {speaker})', names, hidden)).toEqual([]);
  });
});
