/**
 * Operations: pure functions over a Project that return the ChangeSet they make.
 * The app persists a ChangeSet in one transaction and keeps it for undo; the CLI
 * applies it in memory with applyChanges.
 */
export { OpError } from './common';
export * from './sources';
export * from './cases';
export * from './coders';
export * from './codes';
export * from './codings';
export * from './themes';
export * from './memos';
export { joinCodings } from './spans';
export * from './withdraw';
