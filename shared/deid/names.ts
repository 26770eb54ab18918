/**
 * Word lists and the capitalised-word fallback: titles that say who someone is
 * ("Officer Brennan" is an officer), words that are capitalised but name nobody, and
 * runs of capitalised words inside sentences, for text the NLP library does not cover
 * (other languages, unusual names).
 */
import type { DeidCategory } from './categories';

/** Titles before a name, with the category they imply; matched without a trailing dot. */
export const TITLES: Record<string, DeidCategory> = {
  mr: 'person', mrs: 'person', ms: 'person', miss: 'person', mx: 'person', dr: 'person', doctor: 'person', nurse: 'person',
  father: 'person', pastor: 'person', reverend: 'person', rev: 'person', sister: 'person', brother: 'person',
  counselor: 'person', counsellor: 'person', professor: 'person', prof: 'person', coach: 'person',
  officer: 'officer', detective: 'officer', det: 'officer', sergeant: 'officer', sgt: 'officer', deputy: 'officer',
  lieutenant: 'officer', lt: 'officer', captain: 'officer', capt: 'officer', sheriff: 'officer', agent: 'officer',
  trooper: 'officer', judge: 'officer', constable: 'officer', inspector: 'officer', warden: 'officer', chief: 'officer',
};

const TITLE_RE = new RegExp(`^(?:${Object.keys(TITLES).join('|')})\\.?\\s+`, 'i');
const POSSESSIVE_RE = /(?:['’]s|['’])$/;

/** "Officer Brennan's" -> { core: "Brennan", title: "officer" }. */
export function nameCore(raw: string): { core: string; title: DeidCategory | null } {
  let text = raw.trim().replace(/\s+/g, ' ').replace(POSSESSIVE_RE, '');
  let title: DeidCategory | null = null;
  const m = TITLE_RE.exec(text);
  if (m && m[0].length < text.length) {
    title = TITLES[m[0].trim().replace(/\.$/, '').toLowerCase()] ?? null;
    text = text.slice(m[0].length);
  }
  return { core: text.trim(), title };
}

/**
 * Capitalised words that are not names: sentence openers, pronouns, days and months,
 * transcript labels, and common words a name token must not be (so "Will Smith" never
 * makes every "Will" a name).
 */
export const NOT_NAMES = new Set(
  (
    'i im ive id ill a an the and or but so if then yeah yes no not okay ok oh um uh like well just also um hmm ' +
    'he she they we you it his her their our my your its me him them us this that these those there here what when ' +
    'where why how who which while because after before during since until about again all any anyway some every ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december christmas easter thanksgiving god jesus lord ' +
    'interviewer interviewee respondent participant moderator facilitator researcher speaker unknown q int ' +
    'mom mum dad mother father brother sister aunt uncle grandma grandpa cousin son daughter wife husband ' +
    'will can may mark bill sue grace rose joy hope faith art pat rich frank jack guy ' +
    'mr mrs ms dr officer detective sergeant judge doctor nurse pastor ' +
    'english spanish american african black white latino hispanic asian covid aa na ok okay ' +
    'mondays tuesdays wednesdays thursdays fridays saturdays sundays weekends ' +
    'interview transcript session recording audio video inaudible laughter laughs crosstalk pause silence unclear end ' +
    'medicaid medicare snap ssi ssdi wic va dmv ged hiv hep aids ems er icu ' +
    'narcan naloxone suboxone subutex methadone vivitrol sublocade percocet oxycontin oxy vicodin xanax klonopin valium ' +
    'ativan adderall ritalin fentanyl heroin cocaine meth molly ecstasy tylenol advil ibuprofen ' +
    'one two three first second last next new old good bad great really very much many most more'
  ).split(/\s+/),
);

/** Given names that are also words: alone they are words, in a longer name ("Hope Street Ministries") part of it. */
const AMBIGUOUS = new Set('will can may mark bill sue grace rose joy hope faith art pat rich frank jack guy god'.split(' '));

/** A word that opens or closes a run of capitalised words without being part of the name ("What", "The"). */
export function isEdgeWord(word: string, runLength: number): boolean {
  const w = stopForm(word);
  return NOT_NAMES.has(w) && !(runLength > 1 && AMBIGUOUS.has(w));
}

/** The last word of a role that people are called by instead of a name ("Case manager", "Police officer"). */
const ROLE_WORDS =
  /^(?:manager|prosecutor|provider|worker|officer|nurse|doctor|counsel+or|therapist|client|staff|member|peer|navigator|advocate|coordinator|director|judge|attorney|lawyer|defender|clerk|mentor|coach|volunteer|partner|police|deputy|specialist|supervisor|physician|psychiatrist|psychologist|pharmacist|chaplain|leader|lead|administrator|agent|official|representative|rep|interpreter|translator|researcher|student|parent|mother|father|guardian)s?$/i;

/** Generic speaker labels, roles and case codes ("Interviewer", "Case manager", "P07", "Site B") identify nobody. */
export function isGenericLabel(name: string): boolean {
  const n = name.trim();
  if (n.length < 2) return true;
  const words = n.split(/\s+/);
  // A role: its last word is a role and no later word is capitalised like a name.
  if (ROLE_WORDS.test(words[words.length - 1]!) && words.slice(1).every((w) => !/^\p{Lu}/u.test(w))) return true;
  if (/^(?:site|group|area|region|cohort|wave|arm|team|unit|ward|clinic|location|district|zone)[ _-]?(?:\d+|[A-Z]{1,2})$/i.test(n)) return true;
  if (/^(?:[A-Za-z]{1,4}[-_ ]?)?\d+[A-Za-z]?$/.test(n)) return true;
  if (/^(?:speaker|participant|respondent|interviewee|interviewer|moderator|facilitator|researcher|case|person|unknown|group|therapist|client|counsel+or|patient|doctor|nurse|clinician|staff|host|guest|narrator|student|teacher|parent|caller)(?:[-_ ]?\w{1,3})?$/i.test(n))
    return true;
  return NOT_NAMES.has(n.toLowerCase());
}

export interface Found {
  start: number;
  end: number;
  category: DeidCategory;
}

const WORD = String.raw`\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}`;

/** A word as the stop list knows it: "I'm" is "i", "Thursdays'" is "thursdays". */
export function stopForm(word: string): string {
  return word.toLowerCase().split(/['’]/)[0]!;
}
const CAPITALISED_RUN = new RegExp(`(?<![\\p{L}\\p{N}])${WORD}(?:[ ](?:(?:de|da|del|van|von|la|le|di|bin|al)[ ])?${WORD})*`, 'gu');

const ORGANISATION_WORDS =
  /\b(?:program(?:me)?|center|centre|clinic|hospital|recovery|church|ministries|department|dept|services?|house|army|court|jail|prison|shelter|foundation|inc|llc|ltd|school|university|college|academy|methodist|baptist|catholic|mission|project|network|coalition|association|society|agency|office|bank|station|pharmacy|treatment|rehab|detox|police|sheriff|corrections|authority|council|group|company|corp|market|store|cafe|bar|motel|hotel|inn|light)$/i;
const PLACE_WORDS = /\b(?:street|st|avenue|ave|road|rd|boulevard|lane|drive|county|city|town|township|park|heights|hill|hills|valley|village|square|bridge|river|lake|beach|island|district|borough|ward|side|state)$/i;

/** "moved out to Toledo", "grew up in Kalamazoo": where one lives or goes is a place. */
const PLACE_CONTEXT =
  /\b(?:moved|move|moving|lived|live|living|grew up|born|raised|went|drove|relocated|stay(?:ed|ing)?|came|back|trip|visit(?:ed|ing)?)[ ](?:(?:out|back|down|up|over|home)[ ])?(?:to|in|into|from|near|around|outside)[ ]$/i;

/** What a run of capitalised words most likely names, from its last word: "Harbor Light" is an organisation. */
export function runCategory(run: string): DeidCategory {
  if (ORGANISATION_WORDS.test(run)) return 'organisation';
  if (PLACE_WORDS.test(run)) return 'place';
  return 'person';
}

/**
 * Runs of capitalised words that do not open a sentence or a turn: likely names in any
 * language written in a cased script. A run at a sentence start counts only without its
 * first word; a single word that the text also uses in lower case ("Recovery" beside
 * "recovery") is an ordinary word. The category comes from the last word (runCategory),
 * for the reviewer to correct.
 */
export function capitalisedRuns(text: string, lowerWords: ReadonlySet<string> = new Set()): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(CAPITALISED_RUN)) {
    let start = m.index;
    let words = m[0].split(' ');
    const before = text.slice(Math.max(0, start - 3), start);
    const opensSentence = start === 0 || /(?:[.!?:;"“]\s*|\n\s*|^\s*)$/.test(before) || /[.!?]["”)]?\s+$/.test(before);
    if (opensSentence) {
      start += words[0]!.length + 1;
      words = words.slice(1);
    }
    while (words.length > 0 && isEdgeWord(words[0]!, words.length)) {
      start += words[0]!.length + 1;
      words = words.slice(1);
    }
    while (words.length > 0 && isEdgeWord(words[words.length - 1]!, words.length)) words = words.slice(0, -1);
    if (words.length === 0) continue;
    let run = words.join(' ');
    run = run.replace(/['’]s$|['’]$/, '');
    // "OD-ing", "ER-visit": an abbreviation with an ordinary ending is not a name.
    if (run.length < 2 || (words.length === 1 && (lowerWords.has(run.toLowerCase()) || /^\p{Lu}{1,4}-\p{Ll}+$/u.test(run)))) continue;
    const kind = runCategory(run);
    const lead = text.slice(Math.max(0, start - 40), start);
    out.push({ start, end: start + run.length, category: kind === 'person' && PLACE_CONTEXT.test(lead) ? 'place' : kind });
  }
  return out;
}

const TITLED = new RegExp(
  `(?<![\\p{L}])(?:${Object.keys(TITLES).map((t) => t[0]!.toUpperCase() + t.slice(1)).join('|')})\\.?[ ]${WORD}(?:[ ]${WORD})?`,
  'gu',
);

/** "Officer Brennan", "Dr. Patel", "Father Okafor": a title makes a capitalised word a name, and says what kind. */
export function titledNames(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(TITLED)) {
    const raw = m[0].replace(/['’]s$|['’]$/, '');
    const { core, title } = nameCore(raw);
    if (!title || NOT_NAMES.has(core.toLowerCase())) continue;
    out.push({ start: m.index, end: m.index + raw.length, category: title });
  }
  return out;
}

/** The words a text uses in lower case, to tell "Recovery" the name from "recovery" the word. */
export function lowerCaseWords(text: string): Set<string> {
  return new Set(text.match(/(?<![\p{L}])\p{Ll}[\p{L}'’-]*/gu) ?? []);
}
