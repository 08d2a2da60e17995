// This file defines validate's second thread: 候補者 and 費用 of a big CSV workbook read and validated in a worker thread while the main thread reads and checks the rest.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  type CheckOptions,
  type CheckResult,
  checkTabAlone,
  checkWorkbook,
  checkWorkbookWith,
  type PartKey,
  referenceTargets,
  supportingTabs,
  type TabChecked,
  tabsBut,
} from '../core/pipeline';
import { findTabs, type Grid, type RawTab, type RawWorkbook, readWorkbook } from '../core/read-workbook';
import { tabDef } from '../core/schema';
import { PIECE_BYTES } from './read-csv';
import { type CsvBytes, csvBytesOf, csvBytesTab, releaseCsvBytes, type WorkbookFile } from './read-workbook-file';

/**
 * The tabs the worker may take: 候補者 and 費用, two thirds of a big workbook's rows, whose checks no other tab's need
 * beyond 候補者ID (イベント.参加者ID refers to it); 費用's reconciliation goes with it. イベント stays: the template
 * checks read its 種別, and its 参加者ID check the IDs the worker sends back.
 */
const WORKER_TABS: readonly PartKey[] = ['candidates', 'costs'];

/**
 * The least bytes of those tabs worth a second thread: starting one and loading the bundle in it costs about 40 ms of
 * CPU, which small tabs do not pay back. `JIGYO_WORKER_MIN_BYTES` overrides it (tests set 0).
 */
export const WORKER_MIN_BYTES = 1024 * 1024;

const MIB = 1024 * 1024;

const JOB = 'jigyo-hokoku/check-tabs';

/** A tab as the worker gets it: a big file's bytes (decoded there), or a small tab's grid. */
interface TabSource {
  readonly name: string;
  readonly bytes?: CsvBytes;
  readonly values?: Grid;
}

interface Job {
  readonly job: typeof JOB;
  readonly keys: readonly PartKey[];
  readonly tabs: readonly TabSource[];
  readonly year?: number;
}

export interface WorkerOptions {
  /** The file the worker runs: the bundle (dist/node/cli.cjs) that is running; a .ts source cannot be. */
  readonly script?: string;
  readonly minBytes?: number;
}

/** A workbook as the runner read it: its tabs and how its `{{=…}}` targets are looked up. */
type ReadFile = Pick<WorkbookFile, 'raw' | 'references'>;

function minBytesFromEnvironment(): number {
  const text = process.env.JIGYO_WORKER_MIN_BYTES;
  const value = text === undefined || text.trim() === '' ? Number.NaN : Number(text);
  return Number.isFinite(value) ? value : WORKER_MIN_BYTES;
}

function sourceOf(tab: RawTab): TabSource {
  const bytes = csvBytesOf(tab);
  return bytes ? { name: tab.name, bytes } : { name: tab.name, values: tab.values };
}

/** What goes to the worker: its tabs (each of WORKER_TABS given once as a big clean UTF-8 file) and their support. */
interface Share {
  readonly keys: readonly PartKey[];
  readonly tabs: readonly TabSource[];
  /** The bytes moved to the worker (the share's own tabs), and their length. */
  readonly moved: readonly ArrayBuffer[];
  readonly bytes: number;
  readonly script: string;
}

/**
 * The worker's share of `raw`, or null when one thread is the way: none of its tabs is a big clean UTF-8 file given
 * once (an .xlsx, small or re-encoded files, a tab given twice), they are too small, or this is not the bundle.
 */
function workerShare(raw: RawWorkbook, options: WorkerOptions): Share | null {
  const keys: PartKey[] = [];
  const tabs: TabSource[] = [];
  const moved: ArrayBuffer[] = [];
  let bytes = 0;
  for (const key of WORKER_TABS) {
    const found = findTabs(raw, tabDef(key));
    const body = found.length === 1 ? csvBytesOf(found[0]) : undefined;
    if (body === undefined) continue;
    keys.push(key);
    tabs.push({ name: found[0].name, bytes: body });
    moved.push(body.body.buffer as ArrayBuffer);
    bytes += body.body.length;
  }
  const script = options.script ?? __filename;
  const wanted = keys.length > 0 && bytes >= (options.minBytes ?? minBytesFromEnvironment());
  if (!wanted || !script.endsWith('.cjs')) return null;
  for (const key of new Set(keys.flatMap(supportingTabs))) {
    const target = findTabs(raw, tabDef(key))[0];
    if (target && !keys.includes(key as PartKey)) tabs.push(sourceOf(target));
  }
  return { keys, tabs, moved, bytes, script };
}

/**
 * Starts checking the share's tabs in a worker thread (checkTabAlone, one tab after the other). Their bytes are moved
 * to the worker, not copied: from then on `raw` cannot read those tabs. The promise gives null when the worker could
 * not be made or failed.
 */
function startWorker(share: Share, year: number | undefined): Promise<readonly TabChecked[] | null> {
  const job: Job = { job: JOB, keys: share.keys, tabs: share.tabs, year };
  // Its old generation bounded by what its tabs need (about 6 bytes a byte of CSV, measured on 60,000 rows): V8
  // then collects the records of 候補者 before the worker's heap grows on for 費用's, and the process stays within
  // its memory target. Beyond it the worker fails and the caller checks everything here.
  const resourceLimits = { maxOldGenerationSizeMb: Math.max(64, Math.ceil((8 * share.bytes) / MIB)) };
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(share.script, {
        workerData: job,
        transferList: [...share.moved],
        resourceLimits,
        stdout: true,
        stderr: true,
      });
    } catch {
      resolve(null);
      return;
    }
    worker.once('message', (message: readonly TabChecked[]) => {
      resolve(message);
      worker.unref();
    });
    // Whichever comes first settles the promise; after a message, neither changes it.
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}

/**
 * checkWorkbook, with 候補者 and 費用 read and validated in a worker thread while this one reads the other tabs: the
 * same issues in the same order (checkWorkbookWith). The `{{=…}}` targets are looked up first, while every tab is
 * still readable here. Without a worker all of it runs here; when the worker fails, after it took the bytes of its
 * tabs, the workbook is read again (`reread`) and checked here.
 */
export async function checkWorkbookInThreads(
  file: ReadFile,
  reread: () => Promise<ReadFile>,
  options: Omit<CheckOptions, 'references'> = {},
  workerOptions: WorkerOptions = {},
): Promise<CheckResult> {
  const { raw } = file;
  const share = workerShare(raw, workerOptions);
  if (share === null) return checkWorkbook(raw, { ...options, references: file.references });
  const references = file.references(referenceTargets(raw));
  const checked = startWorker(share, options.year);
  const read = readWorkbook(raw, { tabs: tabsBut(share.keys) });
  // Every tab is read (its `{{=…}}` targets too): the bytes left here go, those moved to the worker are gone.
  for (const tab of raw.tabs) releaseCsvBytes(tab);
  const parts = await checked;
  if (parts === null) {
    const again = await reread();
    return checkWorkbook(again.raw, { ...options, references: again.references });
  }
  return checkWorkbookWith(raw, read, parts, { ...options, references });
}

/** True in a worker thread started by startTabsCheck. */
export function isTabWorker(): boolean {
  return !isMainThread && (workerData as Partial<Job> | null)?.job === JOB;
}

/**
 * The worker's whole work: its tabs checked alone, one after the other (the records of one are garbage before the next
 * is read), posted back as issues, layouts and IDs (no record).
 */
export function runTabWorker(): void {
  const job = workerData as Job;
  // The share's own tabs come first (workerShare), one for each key: each is let go once checked.
  const sources: (TabSource | undefined)[] = [...job.tabs];
  (job as { tabs: readonly TabSource[] }).tabs = [];
  const parts = job.keys.map((key, index) => {
    const tabs = sources.flatMap((tab): RawTab[] => {
      if (tab === undefined) return [];
      if (tab.bytes) return [csvBytesTab(tab.name, tab.bytes.body, tab.bytes.delimiter, PIECE_BYTES)];
      return [{ name: tab.name, values: tab.values ?? [] }];
    });
    const part = checkTabAlone({ tabs }, key, { year: job.year });
    sources[index] = undefined;
    return part;
  });
  parentPort?.postMessage(parts);
}
