/**
 * Identifiers with a shape: e-mail and web addresses, phone numbers, street addresses,
 * full dates (a date of birth is one), ages over 89 (HIPAA's limit) and ID or case
 * numbers. None crosses a line break, so a replacement never straddles two paragraphs.
 */
import type { Found } from './names';
import type { DeidCategory } from './categories';

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:19|20)\d\d`;

const PATTERNS: { category: DeidCategory; re: RegExp; group?: number }[] = [
  { category: 'email', re: /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi },
  { category: 'url', re: /\b(?:https?:\/\/|www\.)[^\s<>"']+[^\s<>"'.,;:!?)]/gi },
  {
    category: 'phone',
    re: /(?<![\w-])(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w-])|(?<![\w-])\+\d{1,3}(?:[ .-]?\d{2,4}){3,5}(?![\w-])|(?<![\w-])\d{3}-\d{4}(?![\w-])/g,
  },
  { category: 'id', re: /\b\d{3}-\d{2}-\d{4}\b/g },
  {
    category: 'id',
    re: /\b(?:case|file|docket|inmate|booking|record|member|medicaid|medicare|license|licence|badge|id|account|policy|patient|client|ssn|mrn)\s*(?:number|no\.?|num\.?|#|id)?\s*[:#]?\s*((?=[A-Z-]*\d)[A-Z0-9][A-Z0-9-]{3,}[A-Z0-9])\b/gi,
    group: 1,
  },
  { category: 'id', re: /(?<![\w.,-])\d{7,}(?![\w.,-]?\d)/g },
  { category: 'id', re: /\b\d{2,4}-[A-Z]{1,4}-\d{3,}\b/g },
  {
    category: 'address',
    re: /\b\d{1,5}[ ](?:[NSEW]\.?[ ])?(?:\p{Lu}[\p{L}'-]*[ ]){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Parkway|Pkwy|Highway|Hwy|Circle|Cir)\b(?:,?[ ](?:Apt|Apartment|Unit|Suite|#)\.?[ ]?\w+)?/gu,
  },
  { category: 'date', re: new RegExp(String.raw`\b${MONTH}[ ]${DAY},?[ ]${YEAR}\b`, 'g') },
  { category: 'date', re: new RegExp(String.raw`\b${DAY}[ ](?:of[ ])?${MONTH},?[ ]${YEAR}\b`, 'g') },
  { category: 'date', re: /\b(?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|[12]\d|3[01])[/.-](?:19|20)?\d\d\b/g },
  { category: 'date', re: /\b(?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|1[0-2])[/.](?:19|20)\d\d\b/g },
  { category: 'date', re: /\b(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b/g },
  {
    category: 'age',
    re: /\b(?:(?:age[ds]?|turns|turned|turning|is|was|she's|he's|I'm)[ ](?:of[ ])?(9\d|1[01]\d)(?![\d%]|[.,]\d|[ ](?:percent|pounds|lbs|dollars|bucks|miles|days|times|cents|minutes|degrees)\b)|(9\d|1[01]\d)(?:[ -]years?[ -]old|[ -]year-old|[ ]yrs?\b|[ ]years[ ]of[ ]age))\b/gi,
  },
];

/** Every pattern hit in the text; overlapping hits are left for the caller's longest-first pass. */
export function findPatterns(text: string): Found[] {
  const out: Found[] = [];
  for (const { category, re, group } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      let start = m.index;
      let value = m[0];
      if (group !== undefined) {
        value = m[group] ?? '';
        start += m[0].lastIndexOf(value);
      }
      if (category === 'age') {
        // Only the number identifies; "years old" stays readable.
        value = m[1] ?? m[2] ?? value;
        start = m.index + m[0].indexOf(value);
      }
      if (value) out.push({ start, end: start + value.length, category });
    }
  }
  return out;
}
