/**
 * The fake's request machinery, modelled on Office.js:
 *
 * - proxy objects queue their loads, property writes and method calls; nothing touches the workbook
 *   until `context.sync()`, which runs the queue in order (a load after a write sees the write);
 * - a property can be read only after it was `load()`ed **and** a `sync()` has completed since —
 *   otherwise `PropertyNotLoaded`, as in Excel;
 * - every sync is counted and its request and response measured as the UTF-8 bytes of their JSON
 *   (object paths and actions, loaded values); over 5 MB fails as Excel on the web fails;
 * - any member the fake does not model throws `FakeUnsupportedError`, so the host cannot silently use
 *   an API the tests never checked; an API outside the configured requirement sets throws `ApiNotFound`.
 */
import { FakeExcelError, FakeUnsupportedError } from './errors';

/** Excel on the web's documented limit for a request or a response ("5MB"). */
export const FAKE_PAYLOAD_LIMIT = 5_000_000;

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
}

export interface ContextHost {
  supports(set: 'ExcelApi', version: string): boolean;
  recordSync(record: SyncRecord): void;
  /** Called before each queued action runs; throwing makes it the action that fails (fault injection). */
  beforeAction?(name: string): void;
}

interface Op {
  json: unknown;
  /** Runs against the model; returns what goes back in the response. */
  run(): unknown;
  /** After the whole sync succeeded: makes loaded values readable. */
  commit?(): void;
}

function utf8(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export class FakeContext {
  private queue: Op[] = [];
  private paths: unknown[] = [];
  private nextId = 1;
  private closed = false;
  /** Bumped by every completed sync; proxies compare it with the sync they loaded in. */
  completedSyncs = 0;

  constructor(
    private readonly host: ContextHost,
    /** The run merges its syncs into one undo group (ExcelApi 1.20). */
    readonly mergeUndoGroup = false,
  ) {}

  /**
   * APIs without undo support fail inside an undo group. The fake takes Excel on Windows and Mac's
   * list, the stricter one: `Worksheet.delete`, `.position` and `.visibility` are among them.
   */
  undoable(api: string): void {
    if (this.mergeUndoGroup) throw new FakeExcelError('UndoNotSupported', `${api} does not support undo and cannot be in a mergeUndoGroup run`);
  }

  newPath(name: string, parent: number | undefined, args: unknown[] = []): number {
    const id = this.nextId++;
    this.paths.push({ Id: id, ObjectPathType: 1, Name: name, ParentObjectPathId: parent ?? 0, ArgumentInfo: { Arguments: args } });
    return id;
  }

  enqueue(path: number, name: string, args: unknown[], op: Omit<Op, 'json'>): void {
    this.assertOpen();
    this.queue.push({ ...op, json: { Id: this.nextId++, ActionType: 1, Name: name, ObjectPathId: path, ArgumentInfo: { Arguments: args } } });
  }

  requires(version: string, what: string): void {
    if (!this.host.supports('ExcelApi', version)) {
      throw new FakeExcelError('ApiNotFound', `${what} needs ExcelApi ${version}, which this Excel does not support`);
    }
  }

  assertOpen(): void {
    if (this.closed) throw new FakeExcelError('InvalidObjectPath', 'the object was used outside of its Excel.run');
  }

  close(): void {
    this.closed = true;
  }

  get hasPending(): boolean {
    return this.queue.length > 0;
  }

  async sync(): Promise<void> {
    this.assertOpen();
    const queue = this.queue;
    const paths = this.paths;
    this.queue = [];
    this.paths = [];
    const request = utf8(JSON.stringify({ Actions: queue.map((op) => op.json), ObjectPaths: paths }));
    if (request > FAKE_PAYLOAD_LIMIT) {
      this.host.recordSync({ requestBytes: request, responseBytes: 0, actions: queue.length });
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `the request payload is ${request} bytes, over ${FAKE_PAYLOAD_LIMIT}`);
    }
    const results: unknown[] = [];
    try {
      for (const op of queue) {
        this.host.beforeAction?.((op.json as { Name: string }).Name);
        results.push(op.run() ?? null);
      }
    } catch (e) {
      // Excel stops at the failing action; the ones before it stay applied.
      this.host.recordSync({ requestBytes: request, responseBytes: 0, actions: queue.length });
      throw e;
    }
    const response = utf8(JSON.stringify(results));
    this.host.recordSync({ requestBytes: request, responseBytes: response, actions: queue.length });
    if (response > FAKE_PAYLOAD_LIMIT) {
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `the response payload is ${response} bytes, over ${FAKE_PAYLOAD_LIMIT}`);
    }
    this.completedSyncs++;
    for (const op of queue) op.commit?.();
    // Lets other promise callbacks run, as the real round trip would.
    await Promise.resolve();
  }
}

/** Member names that generic code (promises, jest) probes on any object; they read as undefined. */
const PROBED = new Set(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName', '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@', '_isMockFunction']);

/** Wraps a proxy object so that any member it does not define throws instead of being `undefined`. */
export function strict<T extends object>(obj: T): T {
  return new Proxy(obj, {
    get(target, key, receiver) {
      if (typeof key === 'symbol' || key in target) return Reflect.get(target, key, receiver);
      if (PROBED.has(key)) return undefined;
      throw new FakeUnsupportedError(`${target.constructor.name}.${key}`);
    },
    set(target, key, value, receiver) {
      if (typeof key === 'symbol' || key in target) return Reflect.set(target, key, value, receiver);
      throw new FakeUnsupportedError(`setting ${target.constructor.name}.${String(key)}`);
    },
  });
}

/**
 * Base of every proxy: resolution to a model object at sync time (bound on first use, so a proxy keeps
 * naming the object it first found), loading with Office.js's visibility rules, and queued writes.
 */
export abstract class ProxyBase<T> {
  readonly _path: number;
  private _target: T | null | undefined;
  private _resolved = false;
  private readonly _loaded = new Map<string, unknown>();
  private readonly _requested = new Set<string>();
  private _nullKnown: boolean | undefined;

  constructor(
    readonly _ctx: FakeContext,
    name: string,
    parent: number | undefined,
    args: unknown[],
    private readonly _resolver: () => T | null,
  ) {
    _ctx.assertOpen();
    this._path = _ctx.newPath(name, parent, args);
  }

  /** The model object, or null for an OrNullObject that found nothing. Only inside `sync()`. */
  _resolve(): T | null {
    if (!this._resolved) {
      this._target = this._resolver();
      this._resolved = true;
    }
    return this._target ?? null;
  }

  /** The model object; a method or write on a null object fails, as it would in Excel. */
  _require(what: string): T {
    const t = this._resolve();
    if (t === null) throw new FakeExcelError('InvalidArgument', `${what} on a null object (check isNullObject first)`);
    return t;
  }

  /** The property names `load()` accepts here. */
  protected abstract _loadable(): readonly string[];

  /** Values of loadable properties, read from the model during sync. */
  protected abstract _read(target: T, name: string): unknown;

  load(spec?: string | string[]): this {
    if (spec === undefined) throw new FakeUnsupportedError(`${this.constructor.name}.load() without property names`);
    const names = (Array.isArray(spec) ? spec : spec.split(',')).map((s) => s.trim()).filter((s) => s.length > 0);
    const allowed = this._loadable();
    for (const name of names) {
      if (!allowed.includes(name)) throw new FakeUnsupportedError(`loading "${name}" on ${this.constructor.name}`);
      this._requested.add(name);
    }
    let staged: Map<string, unknown> | null = null;
    let isNull = false;
    this._ctx.enqueue(this._path, 'Query', [names], {
      run: () => {
        const target = this._resolve();
        staged = new Map();
        isNull = target === null;
        if (target === null) return null;
        const out: Record<string, unknown> = {};
        for (const name of names) {
          const v = this._read(target, name);
          staged.set(name, v);
          out[name] = v;
        }
        return out;
      },
      commit: () => {
        this._nullKnown = isNull;
        for (const [name, v] of staged ?? []) this._loaded.set(name, v);
      },
    });
    return this;
  }

  get isNullObject(): boolean {
    if (this._nullKnown === undefined) {
      throw new FakeExcelError('PropertyNotLoaded', `${this.constructor.name}.isNullObject read before a load() and context.sync()`);
    }
    return this._nullKnown;
  }

  /** A loaded property, with Excel's errors for reading too early. */
  protected _get<V>(name: string): V {
    this._ctx.assertOpen();
    if (this._nullKnown === true) throw new FakeExcelError('PropertyNotLoaded', `${this.constructor.name}.${name} of a null object`);
    if (!this._loaded.has(name)) {
      if (this._requested.has(name)) {
        throw new FakeExcelError('PropertyNotLoaded', `${this.constructor.name}.${name} was load()ed but read before context.sync()`);
      }
      throw new FakeExcelError('PropertyNotLoaded', `${this.constructor.name}.${name} is not loaded: call load("${name}") and context.sync() first`);
    }
    return this._loaded.get(name) as V;
  }

  /** Queues a property write. */
  protected _set(name: string, value: unknown, apply: (target: T) => void): void {
    this._ctx.enqueue(this._path, name, [value], { run: () => apply(this._require(`setting ${name}`)) });
  }

  /** Queues a method call; `run` returns what the response carries. */
  protected _call(name: string, args: unknown[], run: (target: T) => unknown): void {
    this._ctx.enqueue(this._path, name, args, { run: () => run(this._require(name)) });
  }

  /** Makes values readable as if loaded (collection items come back loaded). */
  _preload(values: Map<string, unknown>): void {
    this._nullKnown = false;
    for (const [name, v] of values) {
      this._requested.add(name);
      this._loaded.set(name, v);
    }
  }

  /** Queues a method call whose result comes back in a `ClientResult`. */
  protected _callResult<V>(name: string, args: unknown[], run: (target: T) => V): FakeClientResult<V> {
    const result = new FakeClientResult<V>(this._ctx);
    this._ctx.enqueue(this._path, name, args, {
      run: () => {
        const v = run(this._require(name));
        result._stage(v);
        return v;
      },
      commit: () => result._commit(),
    });
    return strict(result);
  }
}

/** `OfficeExtension.ClientResult`: `value` only after the sync that computed it. */
export class FakeClientResult<V> {
  private _value: V | undefined;
  private _ready = false;

  constructor(private readonly _ctx: FakeContext) {}

  /** Called by the queued method. */
  _stage(v: V): void {
    this._value = v;
  }

  _commit(): void {
    this._ready = true;
  }

  get value(): V {
    this._ctx.assertOpen();
    if (!this._ready) throw new FakeExcelError('PropertyNotLoaded', 'ClientResult.value read before context.sync()');
    return this._value as V;
  }
}
