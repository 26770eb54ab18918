/** REFI-QDA exchange: .qdpx projects, .qde project files and .qdc codebooks. */
export { readQdpx, readQde, readQdc, parseColor, RefiError, READ_STEPS } from './read';
export type { ReadOptions, ReadProgress, ReadResult, ReadStep, CodebookResult } from './read';
export { writeQde, writeQdpx, writeQdc, LANTERN_ORIGIN, PROJECT_NS, CODEBOOK_NS } from './write';
export { formatReport } from './report';
export type { ImportReport, ImportCounts, SkippedItem } from './report';
export { modeLabel } from './positions';
export type { PositionMode } from './positions';
export { LANTERN_ENTRY } from './extras';
