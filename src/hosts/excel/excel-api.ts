/// <reference types="office-js" />

/** `Excel.run` as the pane's boot code passes it in (the adapter never reads the `Excel` global itself). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** `(set, version) => Office.context.requirements.isSetSupported(set, version)`, bound by the boot code. */
export type RequirementCheck = (set: string, version: string) => boolean;

/** The ExcelApi level of the host: `has(9)` is true where ExcelApi 1.9 is supported. Asked once per minor. */
export class ApiLevel {
  private readonly known = new Map<number, boolean>();

  constructor(private readonly check: RequirementCheck) {}

  /** True where ExcelApi 1.`minor` (and so every lower set) is supported. */
  has(minor: number): boolean {
    let v = this.known.get(minor);
    if (v === undefined) {
      try {
        v = minor <= 1 ? true : this.check('ExcelApi', `1.${minor}`);
      } catch {
        v = false;
      }
      this.known.set(minor, v);
    }
    return v;
  }
}

/**
 * Payload budgets per `context.sync()`. Why these numbers: Excel on the web rejects a request or a response
 * above 5 MB (`RequestPayloadSizeLimitExceeded`); our estimates are rough, so requests stay near 2 MB and
 * read responses near 3.6 MB, which leaves room for the estimate to be 40% wrong.
 */
export interface SyncLimits {
  requestBytes: number;
  responseBytes: number;
  /** Cells per read: past 5 million Excel may return null values. */
  cellsPerRead: number;
  /** Characters per address list given to `getRanges` (8,192 is the hard limit). */
  addressChars: number;
}

/** The budgets used unless a test asks for others. */
export const DEFAULT_LIMITS: SyncLimits = {
  requestBytes: 2_000_000,
  responseBytes: 3_600_000,
  cellsPerRead: 5_000_000,
  addressChars: 2_000,
};

/** Estimated request bytes of one queued operation besides its arguments (object path + action JSON). */
export const OP_OVERHEAD = 200;

/** UTF-8 length of a string (payloads are measured in bytes; Chinese text takes three per character). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Estimated JSON bytes of a value as it travels in a request or response. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? 'null');
}

/**
 * Queues work into as few syncs as the payload budget allows: call `reserve` before queueing an operation; it
 * syncs first when the operation would overflow the current batch. The number of syncs grows with payload, never
 * with the number of cells or calls.
 */
export class SyncBatcher {
  private request = 0;
  private response = 0;
  /** Syncs made by this batcher. */
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limits: SyncLimits,
    private readonly beforeBatch?: () => void,
  ) {}

  /** Makes room for an operation of the given estimated request (and response) bytes. */
  async reserve(requestBytes: number, responseBytes = 0): Promise<void> {
    const full =
      this.request + requestBytes > this.limits.requestBytes ||
      this.response + responseBytes > this.limits.responseBytes;
    if (full && (this.request > 0 || this.response > 0)) await this.flush();
    if (this.request === 0 && this.response === 0) this.beforeBatch?.();
    this.request += requestBytes + OP_OVERHEAD;
    this.response += responseBytes;
  }

  /** Sends what is queued (nothing when the batch is empty). */
  async flush(): Promise<void> {
    if (this.request === 0 && this.response === 0) return;
    this.request = 0;
    this.response = 0;
    this.syncs++;
    await this.context.sync();
  }
}

/** The `code` of an Office.js error (`OfficeExtension.Error`), if it is one. */
export function officeErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Where an Office.js error happened, e.g. `Range.getMergedAreasOrNullObject` (from `debugInfo.errorLocation`). */
export function officeErrorLocation(error: unknown): string {
  const loc = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo?.errorLocation;
  return typeof loc === 'string' ? loc : '';
}

/** True for the errors Excel gives when a request or its response is too big. */
export function isPayloadError(error: unknown): boolean {
  const code = officeErrorCode(error) ?? '';
  return /PayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/i.test(code);
}

/** `#RRGGBB` from an ARGB string such as `FFFFC7CE` (MARK_COLOURS and SheetSpec colours are ARGB). */
export function argbToHex(argb: string): string {
  const hex = argb.replace(/^#/, '');
  return `#${(hex.length === 8 ? hex.slice(2) : hex).toUpperCase()}`;
}
