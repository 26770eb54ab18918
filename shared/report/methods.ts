/**
 * The methods paragraph a report opens with, written from the project itself so the
 * numbers a reviewer reads (sources, cases per group, coders, codebook) are the real ones.
 */
import type { AnalysisIndex } from '../analysis';
import { ALL_GROUP, groupSizes, MISSING_GROUP } from '../analysis';
import type { Attribute } from '../model/schema';

export function methodsText(index: AnalysisIndex, groupBy: Attribute | null, themeCount: number): string[] {
  const project = index.project;
  const sourceCount = project.sources.length;
  // Cases the sources speak for (respondents' cases), so the groups' n below add up to this figure.
  const caseCount = groupSizes(index, null)[ALL_GROUP]?.cases ?? 0;
  const caseless = index.sourceOrder.filter((e) => e.caseId === null && e.turnCaseIds.every((c) => c === null)).length;
  const sentences: string[] = [];

  let material =
    caseCount === 0 && sourceCount > 0
      ? `The analysis draws on ${plural(sourceCount, 'source')}, none of them linked to a case`
      : `The analysis draws on ${plural(sourceCount, 'source')} from ${plural(caseCount, 'case')}`;
  if (groupBy && caseCount > 0) {
    const sizes = groupSizes(index, groupBy);
    // A group with no case (e.g. only caseless sources) has no n to report; those sources are named below.
    const parts = Object.entries(sizes)
      .filter(([g, s]) => g !== ALL_GROUP && s.cases > 0)
      .sort(([a], [b]) => order(groupBy, a) - order(groupBy, b))
      .map(([g, s]) => `${groupLabel(g, groupBy)}, n=${s.cases}`);
    if (parts.length) material += ` (${parts.join('; ')})`;
  }
  if (caseless > 0 && caseCount > 0) {
    material += `; ${plural(caseless, 'source')} ${caseless === 1 ? 'is' : 'are'} not linked to a case`;
  }
  sentences.push(`${material}.`);

  const coders = project.coders.filter((c) => !c.isConsensus).map((c) => c.name);
  const codable = project.codes.filter((c) => c.codable);
  const categories = project.codes.length - codable.length;
  const origins = (['deductive', 'inductive', 'in-vivo'] as const)
    // Count the same codes the total counts (codable ones), so the mix adds up to it.
    .map((o) => [o, codable.filter((c) => c.origin === o).length] as const)
    .filter(([, n]) => n > 0)
    .map(([o, n]) => `${n} ${o === 'in-vivo' ? 'in vivo' : o}`);
  const who = coders.length
    ? `${coders.length === 1 ? 'One coder' : `${capital(words(coders.length))} coders`} (${list(coders)})`
    : 'The team';
  sentences.push(
    `${who} coded the material with a codebook of ${plural(codable.length, 'code')}` +
      (categories ? ` in ${plural(categories, 'category', 'categories')}` : '') +
      (origins.length ? ` (${list(origins)} by origin)` : '') +
      `, giving ${plural(index.codings.size, 'coded excerpt')}.`,
  );
  if (themeCount > 0) {
    sentences.push(
      `The codes were organised into ${plural(themeCount, 'theme')}. Each chapter below defines one theme, lists its codes with how often they occur` +
        (groupBy ? ` in each ${groupBy.name}` : '') +
        ', and gives quotes that illustrate it.',
    );
  }
  if (!groupBy) sentences.push('Counts are not split by group: no grouping attribute was chosen for this report.');
  const counting =
    'Excerpts count coded passages (two coders coding the same words count twice); sources and cases count each transcript and each person once. ' +
    "Interviewers' words are not counted. Quotes are attributed pseudonymously.";
  return [sentences.join(' '), counting];
}

/** How a group value reads in a heading or a sentence: "Partner", or "No group" for the missing value. */
export function groupLabel(group: string, attribute: Attribute | null): string {
  if (group === MISSING_GROUP) return attribute ? `No ${attribute.name}` : 'No value';
  if (group === ALL_GROUP) return 'All';
  return capital(group);
}

function order(attribute: Attribute, value: string): number {
  const i = (attribute.values ?? []).indexOf(value);
  return i === -1 ? (value === MISSING_GROUP ? 1e9 : 1e6) : i;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function words(n: number): string {
  return ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][n] ?? String(n);
}

function capital(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
