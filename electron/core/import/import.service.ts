import path from 'node:path';
import type { Actor } from '../actor';
import type { ChannelOutput, ParsedInput } from '../shared/contract';
import type { Core } from '../core';
import { InvalidField, Refused } from '../errors';
import { type customerImportContract, MAX_IMPORT_BYTES } from './shared/import.contract';
import type { JobOwner } from '../jobs/client';
import type { customersJobs } from '../customers/customers.jobs';
import { CUSTOMERS_EXPORT_JOB } from '../customers/shared/customers.contract';
import type { importJobs } from './import.jobs';
import { readIssues } from './issues-store';
import {
  appendUploadPart,
  commitDownload,
  newDownload,
  readDownloadChunk,
  readUpload,
  saveUpload,
  saveUploadParts,
  uploadPartsSize,
  uploadPaths,
} from '../files/storage';
import { importExt } from './files';
import { assertValueMap } from './value-map';

/**
 * The import / export page's channels. Every step that reads a whole file or the archive runs as
 * a job (import's kinds, import.jobs.ts; the export is the customers' kind, customers.jobs.ts) in
 * a worker thread (core.jobs); this side only stores files, so the main process stays responsive.
 */
type ImportChannel = keyof typeof customerImportContract;
type In<C extends ImportChannel> = ParsedInput<C>;
type Out<C extends ImportChannel> = ChannelOutput<C>;

const dbFile = (core: Core) => core.sqlite.name;

/** The kinds this page runs: import's own, and the customers' export of the filtered list. */
type PageJobs = typeof importJobs & typeof customersJobs;
/** core.jobs.run, typed by those kinds: the input a kind takes, the result it gives. */
function runImportJob<K extends keyof PageJobs>(
  core: Core,
  kind: K,
  input: Parameters<PageJobs[K]>[0],
  owner: JobOwner,
): Promise<Awaited<ReturnType<PageJobs[K]>>> {
  return core.jobs.run(kind, input, owner);
}

/** One piece of a file on its way up (storage.ts appendUploadPart). */
export function importUploadPart(
  core: Core,
  actor: Actor,
  input: In<'customer.importUploadPart'>,
): Promise<Out<'customer.importUploadPart'>> {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  return appendUploadPart(core.dataDir, actor.id, input.partsId, input.offset, bytes, MAX_IMPORT_BYTES);
}

export async function importUpload(
  core: Core,
  actor: Actor,
  input: In<'customer.importUpload'>,
): Promise<Out<'customer.importUpload'>> {
  const ext = importExt(input.fileName);
  const fileName = path.basename(input.fileName);
  const meta = (size: number) => ({ fileName, ext, userId: actor.id, size, createdAt: core.clock.now().toISOString() });
  let saved: { id: string; bytesFile: string };
  if (input.partsId) {
    const size = await uploadPartsSize(core.dataDir, input.partsId, actor.id);
    if (!size) throw InvalidField('file', 'import.errors.emptyFile');
    if (size > MAX_IMPORT_BYTES) throw InvalidField('file', 'import.errors.tooLarge');
    saved = await saveUploadParts(core.dataDir, meta(size), input.partsId);
  } else {
    const bytes = Buffer.from(input.dataBase64 ?? '', 'base64');
    if (!bytes.length) throw InvalidField('file', 'import.errors.emptyFile');
    if (bytes.length > MAX_IMPORT_BYTES) throw InvalidField('file', 'import.errors.tooLarge');
    saved = await saveUpload(core.dataDir, meta(bytes.length), bytes);
  }
  const { id: uploadId, bytesFile } = saved;
  const p = uploadPaths(core.dataDir, uploadId);
  const r = await runImportJob(
    core,
    'import.inspect',
    { bytesFile, ext, tableFile: p.table },
    { userId: actor.id, id: uploadId },
  );
  return { uploadId, fileName, ...r };
}

/** The values of managed-list columns that name no item, with suggestions; whether the caller may create items. */
export async function importValues(
  core: Core,
  actor: Actor,
  input: In<'customer.importValues'>,
): Promise<Out<'customer.importValues'>> {
  await readUpload(core.dataDir, input.uploadId, actor.id);
  const p = uploadPaths(core.dataDir, input.uploadId);
  const r = await runImportJob(
    core,
    'import.values',
    { dbFile: dbFile(core), tableFile: p.table, mapping: input.mapping },
    { userId: actor.id, id: input.uploadId },
  );
  return { canCreate: actor.permissions.has('lookup.manage'), columns: r.columns };
}

export async function importValidate(
  core: Core,
  actor: Actor,
  input: In<'customer.importValidate'>,
): Promise<Out<'customer.importValidate'>> {
  await readUpload(core.dataDir, input.uploadId, actor.id);
  assertValueMap(core, actor, input.valueMap);
  const p = uploadPaths(core.dataDir, input.uploadId);
  return runImportJob(
    core,
    'import.validate',
    {
      dbFile: dbFile(core),
      tableFile: p.table,
      issuesFile: p.issues,
      mapping: input.mapping,
      valueMap: input.valueMap,
      pageSize: input.pageSize,
    },
    { userId: actor.id, id: input.uploadId },
  );
}

export async function importIssues(
  core: Core,
  actor: Actor,
  input: In<'customer.importIssues'>,
): Promise<Out<'customer.importIssues'>> {
  await readUpload(core.dataDir, input.uploadId, actor.id);
  return readIssues(uploadPaths(core.dataDir, input.uploadId).issues, input.kind, input.offset, input.limit);
}

const IMPORTED_SQL =
  "SELECT 1 FROM operation_log WHERE entity = 'customerImport' AND entity_id = ? AND action = 'import' LIMIT 1";

export async function importRun(
  core: Core,
  actor: Actor,
  input: In<'customer.importRun'>,
): Promise<Out<'customer.importRun'>> {
  const meta = await readUpload(core.dataDir, input.uploadId, actor.id);
  assertValueMap(core, actor, input.valueMap);
  // one import at a time: a second one waits for nothing and is told so
  if (core.jobs.running('import.run')) throw Refused('CONFLICT', 'import.errors.busy');
  // an upload is imported once: the same run sent again (after a dropped connection) is not a second import
  if (core.statements.prepare(IMPORTED_SQL).get(input.uploadId)) throw Refused('ALREADY_DONE', 'errors.alreadyDone');
  const p = uploadPaths(core.dataDir, input.uploadId);
  return runImportJob(
    core,
    'import.run',
    {
      dbFile: dbFile(core),
      tableFile: p.table,
      mapping: input.mapping,
      valueMap: input.valueMap,
      mode: input.mode,
      fileName: meta.fileName,
      sha256: meta.sha256,
      uploadId: input.uploadId,
      actor: { id: actor.id, displayName: actor.displayName },
      nowIso: core.clock.now().toISOString(),
    },
    { userId: actor.id, id: input.uploadId },
  );
}

const stem = (fileName: string) => path.basename(fileName, path.extname(fileName));
const day = (core: Core) => core.clock.now().toISOString().slice(0, 10).replace(/-/g, '');

/**
 * A file a job writes for the user: a fresh download slot, the job writing into it, then the
 * slot offered to the user under `fileName` (fetched in pieces through customer.downloadFile).
 */
async function toDownload<R>(
  core: Core,
  actor: Actor,
  fileName: string,
  write: (slot: { id: string; file: string }) => Promise<R>,
) {
  const slot = await newDownload(core.dataDir);
  const result = await write(slot);
  const ref = await commitDownload(core.dataDir, slot.id, {
    fileName,
    userId: actor.id,
    createdAt: core.clock.now().toISOString(),
  });
  return { ref, result };
}

export async function importErrorsFile(
  core: Core,
  actor: Actor,
  input: In<'customer.importErrorsFile'>,
): Promise<Out<'customer.importErrorsFile'>> {
  const meta = await readUpload(core.dataDir, input.uploadId, actor.id);
  assertValueMap(core, actor, input.valueMap);
  const p = uploadPaths(core.dataDir, input.uploadId);
  const suffix = input.texts['import.errorsFile.fileSuffix'] ?? 'errors';
  const { ref, result } = await toDownload(core, actor, `${stem(meta.fileName)}-${suffix}.xlsx`, (slot) =>
    runImportJob(
      core,
      'import.errorsFile',
      {
        dbFile: dbFile(core),
        tableFile: p.table,
        mapping: input.mapping,
        valueMap: input.valueMap,
        texts: input.texts,
        outFile: slot.file,
      },
      { userId: actor.id, id: input.uploadId },
    ),
  );
  return { ...ref, rows: result.rows };
}

export async function importTemplate(core: Core, actor: Actor): Promise<Out<'customer.importTemplate'>> {
  const { ref } = await toDownload(core, actor, '客户导入模板.xlsx', (slot) =>
    runImportJob(
      core,
      'import.template',
      { dbFile: dbFile(core), outFile: slot.file },
      { userId: actor.id, id: slot.id },
    ),
  );
  return ref;
}

export async function exportCustomersFile(
  core: Core,
  actor: Actor,
  input: In<'customer.export'>,
): Promise<Out<'customer.export'>> {
  const { ref, result } = await toDownload(core, actor, `客户档案_${day(core)}.${input.format}`, (slot) =>
    runImportJob(
      core,
      CUSTOMERS_EXPORT_JOB,
      {
        dbFile: dbFile(core),
        outFile: slot.file,
        q: input.q,
        filters: input.filters,
        sort: input.sort,
        format: input.format,
      },
      { userId: actor.id, id: slot.id },
    ),
  );
  return { ...ref, rows: result.rows };
}

export function downloadFile(
  core: Core,
  actor: Actor,
  input: In<'customer.downloadFile'>,
): Promise<Out<'customer.downloadFile'>> {
  return readDownloadChunk(core.dataDir, input.fileId, actor.id, input.offset);
}
