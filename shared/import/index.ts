/** Importing transcripts: files to previews (analyzeFile), the user's corrections (applyPreview), previews to a ChangeSet (planImport / importFiles). */
export { analyzeFile, applyPreview, baseNameOf, extensionOf, SUPPORTED_EXTENSIONS } from './analyze';
export { importAttributes } from './attributes';
export type { AttributeImportOptions, AttributeImportReport } from './attributes';
export { inferAttributeType } from './attributeTypes';
export { decodeText } from './decode';
export type { DecodedText, TextEncodingName } from './decode';
export { ImportCancelled, ImportError, MAX_FILE_BYTES } from './errors';
export type { CancelSignal } from './errors';
export { importFiles, planImport } from './plan';
export type { FileReport, ImportFile, ImportOptions, ImportProgress, ImportReport, ImportResult, SourceReport } from './plan';
export { detectTurns } from './turns';
export type * from './types';
