/**
 * The benchmark study's vocabulary: written for this generator in the flavour of a
 * pre-arrest diversion program (officers, case managers, detox beds, bus passes), so the
 * synthetic transcripts exercise search, retrieval and reports on plausible text. It holds
 * accented names, curly quotes, a few emoji and some CJK so every text path meets non-ASCII.
 */
import type { Rng } from './prng';

export const SITES = ['Site A', 'Site B', 'Site C', 'Site D'] as const;
export const PARTNER_ROLES = ['police', 'case manager', 'prosecutor', 'service provider'] as const;

export const FIRST_NAMES = [
  'José', 'Zoë', 'Renée', 'Björn', 'Siobhán', 'François', 'Chloé', 'Iñaki', 'Łukasz', 'Ngọc', 'Dana', 'Marcus',
  'Keisha', 'Tom', 'Priya', 'Aaliyah', 'Ruth', 'Darnell', 'Mei', 'Óscar', 'Tatiana', 'Bernadette', 'Kwame', 'Lupe',
  '李明', '王芳', 'Hoa', 'Søren', 'Anaïs', 'Curtis',
] as const;

const PARTNER_SUBJECTS = [
  'our officers', 'the case managers', 'the prosecutor’s office', 'the outreach team', 'my sergeant',
  'the detox staff', 'the housing navigator', 'the public defender', 'dispatch', 'the shelter staff',
  'the treatment providers', 'our program manager', 'the jail nurse', 'the judge', 'the peer navigator',
] as const;

const PARTICIPANT_SUBJECTS = [
  'my case manager', 'the officer', 'my caseworker', 'the shelter', 'my sister', 'the clinic',
  'the lady at the front desk', 'my probation officer', 'the outreach guy', 'my peer mentor', 'the detox',
  'my landlord', 'the pharmacy', 'my daughter', 'the food bank',
] as const;

const VERBS = [
  'couldn’t find', 'kept calling about', 'helped with', 'waited on', 'drove me to', 'pushed for', 'gave up on',
  'signed off on', 'lost track of', 'worked around', 'fought over', 'checked on', 'set up', 'paid for', 'held onto',
  'argued about', 'figured out', 'texted about', 'never heard back about', 'found a way around',
] as const;

const OBJECTS = [
  'a bed at detox', 'the housing voucher', 'a bus pass', 'the waitlist for treatment', 'my ID card', 'a phone',
  'Medicaid enrollment', 'the methadone clinic', 'a storage unit', 'the court date', 'the referral form',
  'a motel room', 'the food stamps', 'my prescriptions', 'the warrant', 'a job interview', 'the intake paperwork',
  'the housing list', 'a ride to court', 'the release of information', 'a locker at the shelter', 'Suboxone',
  'the mental health assessment', 'my birth certificate', 'the diversion agreement', 'a sleeping bag',
] as const;

const CLAUSES = [
  'because the waitlist was six weeks long', 'after the arrest', 'when the shelter closed at night',
  'since nobody answered the phone', 'before my court date', 'even though I qualified', 'right after detox',
  'because the bus only comes twice a day', 'while I was still using', 'after they lost my file',
  'when the program first started', 'because of the eligibility rules', 'once the grant money ran out',
  'when the officer made the referral', 'because the clinic moved across town', 'after the weekend',
  'as soon as a bed opened up', 'before anyone called me back', 'when my phone got stolen',
  'because the forms were only in English', 'until the case conference', 'during the winter',
] as const;

const FILLERS = ['you know,', 'I mean,', 'honestly,', 'like,', 'um,', 'so,', 'and then', 'basically,', 'I guess'] as const;

const ASIDES = [
  'She said, “you’re on the list, just wait.”',
  'He told me ‘don’t worry about it’ — and I did worry.',
  'It was a whole thing… you know how it is.',
  'We called it the café run, every Tuesday at Café Esperanza.',
  'Señora Díaz let me stay on her couch for a week.',
  'The résumé workshop was useless, to be naïve about it.',
  'I just sent a 👍 and hoped for the best.',
  'The bus 🚌 never came, so I walked.',
  'Finally got keys 🏠 after eight months.',
  'My neighbour says 等了很久, we waited a long time.',
  'The flyer said 住房 in big letters, housing, but there was none.',
  'I said 谢谢 to the nurse, she was the only one who listened.',
  'Zoë at the front desk — she’s the one who made it happen.',
  'It’s “harm reduction,” they call it, and it kept me alive.',
] as const;

const QUESTIONS = [
  'Can you tell me about {o}?',
  'What happened when you needed {o}?',
  'How did {s} handle {o}?',
  'Was there a time when {o} made a difference?',
  'What would you change about {o}?',
  'Who helped you most with {o}?',
  'How long did it take to get {o}?',
  'What did you do when {s} couldn’t help?',
] as const;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function question(rng: Rng, partner: boolean): string {
  const subjects = partner ? PARTNER_SUBJECTS : PARTICIPANT_SUBJECTS;
  return rng
    .pick(QUESTIONS)
    .replace('{o}', rng.pick(OBJECTS))
    .replace('{s}', rng.pick(subjects));
}

/** One sentence of an answer, about 8 to 25 words. */
export function sentence(rng: Rng, partner: boolean, nonAscii: number): string {
  if (rng.chance(nonAscii)) return rng.pick(ASIDES);
  const subjects = partner ? PARTNER_SUBJECTS : PARTICIPANT_SUBJECTS;
  const parts: string[] = [];
  if (rng.chance(0.3)) parts.push(rng.pick(FILLERS));
  parts.push(rng.pick(subjects), rng.pick(VERBS), rng.pick(OBJECTS));
  if (rng.chance(0.6)) parts.push(rng.pick(CLAUSES));
  if (rng.chance(0.25)) parts.push('and', rng.pick(subjects), rng.pick(VERBS), rng.pick(OBJECTS));
  return `${capitalise(parts.join(' '))}${rng.pick(['.', '.', '.', '.', '.', '!'])}`;
}

export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (const ch of text) {
    const space = ch === ' ' || ch === '\n';
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Code names for the codebook's three levels: category, code, and sub-code qualifiers. */
export const CATEGORIES = [
  'Services', 'Barriers', 'Police contact', 'Case management', 'Housing', 'Substance use', 'Legal process',
  'Program design',
] as const;

export const CODE_NOUNS = [
  'detox access', 'treatment waitlist', 'bus pass', 'housing voucher', 'shelter rules', 'ID documents', 'phone access',
  'Medicaid', 'court dates', 'warrants', 'referrals', 'eligibility', 'outreach', 'peer support', 'trust in officers',
  'information sharing', 'case conferences', 'caseload', 'staff turnover', 'funding', 'motel stays', 'food',
  'mental health care', 'medication', 'employment', 'family contact', 'transportation', 'language access',
  'stigma', 'harm reduction', 'prosecutor discretion', 'jail release', 'program exit', 'relapse', 'safety',
  'paperwork', 'storage', 'pharmacy', 'benefits', 'legal aid', 'diversion agreement', 'community partners',
  'data systems', 'training', 'leadership', 'hours of service', 'intake', 'follow-up',
] as const;

export const QUALIFIERS = [
  'delayed', 'denied', 'lost', 'improvised', 'shared', 'informal', 'too costly', 'too far', 'unclear', 'duplicated',
  'missing', 'interrupted', 'renewed', 'negotiated', 'promised', 'refused', 'rushed', 'praised', 'criticised',
  'workaround', 'by phone', 'in person', 'after hours', 'on weekends', 'for women', 'for elders', 'for youth',
  'first contact', 'repeat contact', 'after detox',
] as const;

export const IN_VIVO = [
  '“nowhere to go”', '“just wait”', '“they actually listened”', '“back to square one”', '“a bed, not a cell”',
  '“the list never moves”', '“she went to bat for me”', '“lost in the shuffle”', '“like a revolving door”',
  '“no phone, no help”', '“I was invisible”', '“first time someone asked”', '“you’re on your own”',
  '“the bus is everything”', '“paperwork kills”', '“they bent the rules”',
] as const;

export const THEMES = [
  'Services unavailable', 'Services inaccessible', 'Staff workarounds', 'Continuum of care disrupted',
  'Trust between police and participants', 'Housing first in practice', 'Stigma and dignity', 'Peer support',
  'Eligibility as gatekeeping', 'Court coordination', 'Transportation barriers', 'Harm reduction accepted',
] as const;

export function memoText(rng: Rng, partner: boolean, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(rng, partner, 0.05)).join(' ');
}
