/**
 * The one contract between the renderer and the desktop shell. Every channel the
 * preload exposes is listed here with a validator for what goes in and what comes
 * back; main validates both sides of every call against it, so a compromised or
 * buggy renderer can only ask for what is written down here, in the shape written here.
 */
import { z } from 'zod';
import { guidSchema } from '../model/schema';
import { menuCommands } from './bridge';

/** Large enough for any real project or transcript; small enough that one call cannot exhaust memory. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

// z.custom rather than z.instanceof: the latter narrows to Uint8Array<ArrayBuffer>, which Node's buffers are not.
const bytes = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes (Uint8Array)')
  .refine((b) => b.byteLength <= MAX_FILE_BYTES, `at most ${MAX_FILE_BYTES / 1024 / 1024} MB`);

const fileFilter = z.object({
  name: z.string().min(1).max(200),
  // Extensions become part of a native dialog's filter; keep them to plain names or "*".
  extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'an extension without a dot, or *')).min(1).max(32),
});

const title = z.string().max(200);

/** A path the shell reports back; the renderer never invents one (file:write checks it against dialog choices). */
const absolutePath = z.string().min(1).max(4096);

/** Backups changed or deleted (paths inside the backup folder), and those that could not be read. */
const backupOutcome = z.object({
  files: z.array(z.string()),
  unreadable: z.array(z.object({ file: z.string(), problem: z.string() })),
});
export type BackupOutcome = z.infer<typeof backupOutcome>;

const pickedFile = z.object({ name: z.string(), path: absolutePath, bytes });

/** A backup's file name as the shell makes them (a time), so a request can name nothing else. */
const backupName = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.qdpx$/, 'a backup name such as 2026-01-31T09-15-00.000Z.qdpx');

const backupEntry = z.object({ name: backupName, savedAt: z.iso.datetime(), size: z.number().int().nonnegative() }).strict();

export const ipcContract = {
  /** Native open dialog; reads the chosen files. Empty array when cancelled. */
  'dialog:openFiles': {
    request: z.object({ title, filters: z.array(fileFilter).max(32), multiple: z.boolean() }).strict(),
    response: z.array(pickedFile),
  },
  /** Native save dialog, then an atomic write of the bytes. The saved path, or null when cancelled. */
  'dialog:saveFile': {
    request: z
      .object({
        title,
        suggestedName: z.string().min(1).max(255),
        filters: z.array(fileFilter).max(32),
        bytes,
      })
      .strict(),
    response: absolutePath.nullable(),
  },
  /** Overwrite a file the user chose in a dialog this session (Save without asking again). */
  'file:write': {
    request: z.object({ path: absolutePath, bytes }).strict(),
    response: z.null(),
  },
  /** Earlier versions of a project file kept by the shell (node/backups.ts), newest first. */
  'backups:list': {
    request: z.object({ path: absolutePath }).strict(),
    response: z.array(backupEntry),
  },
  /** One backup's bytes, to open as a project; nothing on disk changes. */
  'backups:read': {
    request: z.object({ path: absolutePath, name: backupName }).strict(),
    response: z.object({ name: z.string(), bytes }),
  },
  'app:getVersion': {
    request: z.undefined(),
    response: z.string(),
  },
  /**
   * Projects the operating system asked the app to open (double-click on a .qdpx, or
   * `lantern-qda study.qdpx`), read and handed over once; empty when there are none.
   */
  'app:takeOpenRequests': {
    request: z.undefined(),
    response: z.array(pickedFile),
  },
  /**
   * A participant withdraws: rewrite every backup holding these sources or cases (a source
   * also when a backup has its identical text under another id) without them. dryRun only
   * names the backups that would change.
   */
  'backups:withdraw': {
    request: z
      .object({
        sourceIds: z.array(guidSchema).max(100_000),
        caseIds: z.array(guidSchema).max(100_000),
        textHashes: z.array(z.string().max(64)).max(100_000),
        dryRun: z.boolean(),
      })
      .strict(),
    response: backupOutcome,
  },
  /** Delete project from this computer: its backups (those carrying its id). dryRun only names them. */
  'backups:deleteProject': {
    request: z.object({ projectId: guidSchema, dryRun: z.boolean() }).strict(),
    response: backupOutcome,
  },
} as const;

export type Channel = keyof typeof ipcContract;
export type IpcRequest<C extends Channel> = z.infer<(typeof ipcContract)[C]['request']>;
export type IpcResponse<C extends Channel> = z.infer<(typeof ipcContract)[C]['response']>;

/** Payload of the menu:command event (main -> renderer). */
export const menuCommandEvent = z.object({ command: z.enum(menuCommands) }).strict();
