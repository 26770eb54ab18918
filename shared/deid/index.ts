/** De-identification: find identifiers, review them, and write a pseudonymised copy with every coding intact. */
export * from './categories';
export * from './decisions';
export * from './entities';
export * from './find';
export * from './apply';
export * from './csv';
export type { ListEntry } from './knowledge';
export { buildMatcher } from './matcher';
export { makeShifter, shiftSpan } from './shift';
export { checkCodings } from './verify';
export type { CodingProblem } from './verify';
