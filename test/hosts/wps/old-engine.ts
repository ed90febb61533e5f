// The oldest web view the WPS add-in claims (Chromium 61, README: 支持的 WPS), simulated in a vm context: the
// built-ins that engine lacks are deleted, Array.prototype.sort is unstable again (stable from Chrome 70), and
// RegExp rejects the syntax it could not compile. Host objects cross into the context through a membrane, so arrays
// the fake WPS returns are the old realm's arrays (a method missing there is missing on them too).
import vm from 'node:vm';

/** A built-in newer than Chromium 61: where it lives and the Chrome version that brought it. */
interface Missing {
  path: string;
  since: number;
}

/** What Chromium 61 does not have (only names a bundle could use; all absent from the page and the ribbon). */
export const MISSING_IN_CHROME_61: readonly Missing[] = [
  { path: 'Promise.prototype.finally', since: 63 },
  { path: 'Symbol.asyncIterator', since: 63 },
  { path: 'Intl.PluralRules', since: 63 },
  { path: 'Array.prototype.values', since: 66 },
  { path: 'String.prototype.trimStart', since: 66 },
  { path: 'String.prototype.trimEnd', since: 66 },
  { path: 'AbortController', since: 66 },
  { path: 'BigInt', since: 67 },
  { path: 'Array.prototype.flat', since: 69 },
  { path: 'Array.prototype.flatMap', since: 69 },
  { path: 'Element.prototype.toggleAttribute', since: 69 },
  { path: 'Symbol.prototype.description', since: 70 },
  { path: 'globalThis', since: 71 },
  { path: 'queueMicrotask', since: 71 },
  { path: 'Intl.RelativeTimeFormat', since: 71 },
  { path: 'Intl.ListFormat', since: 72 },
  { path: 'Object.fromEntries', since: 73 },
  { path: 'String.prototype.matchAll', since: 73 },
  { path: 'Intl.Locale', since: 74 },
  { path: 'TextEncoder.prototype.encodeInto', since: 74 },
  { path: 'Promise.allSettled', since: 76 },
  { path: 'Blob.prototype.arrayBuffer', since: 76 },
  { path: 'Blob.prototype.text', since: 76 },
  { path: 'Blob.prototype.stream', since: 76 },
  { path: 'Intl.DisplayNames', since: 81 },
  { path: 'WeakRef', since: 84 },
  { path: 'FinalizationRegistry', since: 84 },
  { path: 'String.prototype.replaceAll', since: 85 },
  { path: 'Promise.any', since: 85 },
  { path: 'AggregateError', since: 85 },
  { path: 'Element.prototype.replaceChildren', since: 86 },
  { path: 'Document.prototype.replaceChildren', since: 86 },
  { path: 'DocumentFragment.prototype.replaceChildren', since: 86 },
  { path: 'Intl.Segmenter', since: 87 },
  { path: 'Array.prototype.at', since: 92 },
  { path: 'String.prototype.at', since: 92 },
  { path: 'Object.hasOwn', since: 93 },
  { path: 'Array.prototype.findLast', since: 97 },
  { path: 'Array.prototype.findLastIndex', since: 97 },
  { path: 'structuredClone', since: 98 },
  { path: 'Array.prototype.toSorted', since: 110 },
  { path: 'Array.prototype.toReversed', since: 110 },
  { path: 'Array.prototype.toSpliced', since: 110 },
  { path: 'Array.prototype.with', since: 110 },
  { path: 'String.prototype.isWellFormed', since: 111 },
  { path: 'Object.groupBy', since: 117 },
  { path: 'Map.groupBy', since: 117 },
  { path: 'Promise.withResolvers', since: 119 },
  { path: 'Array.fromAsync', since: 121 },
  { path: 'Set.prototype.union', since: 122 },
  { path: 'Set.prototype.intersection', since: 122 },
];

/**
 * Run inside the context before any bundle: deletes the built-ins above (`names` as JSON), makes sort unstable as V8
 * before 7.0 was (insertion sort up to 10 elements, quicksort above), and makes RegExp throw on lookbehind, named
 * groups, the s flag and \p{…} (Chrome 62/64), as the engine's parser did. Leaves `__oldEngine` with what it did.
 */
const AGE_SCRIPT = `(function (paths) {
  var deleted = [];
  paths.forEach(function (path) {
    var parts = path.split('.');
    var owner = this;
    for (var i = 0; i < parts.length - 1 && owner; i++) owner = owner[parts[i]];
    var name = parts[parts.length - 1];
    if (owner && Object.prototype.hasOwnProperty.call(owner, name)) {
      delete owner[name];
      if (!Object.prototype.hasOwnProperty.call(owner, name)) deleted.push(path);
    }
  }, this);
  var nativeSort = Array.prototype.sort;
  function defaultCompare(a, b) {
    if (a === undefined) return b === undefined ? 0 : 1;
    if (b === undefined) return -1;
    var x = String(a), y = String(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  function quick(a, lo, hi, cmp) {
    while (hi - lo > 10) {
      var pivot = a[(lo + hi) >> 1], i = lo, j = hi;
      while (i <= j) {
        while (cmp(a[i], pivot) < 0) i++;
        while (cmp(a[j], pivot) > 0) j--;
        if (i <= j) { var t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
      }
      if (j - lo < hi - i) { quick(a, lo, j, cmp); lo = i; } else { quick(a, i, hi, cmp); hi = j; }
    }
    for (var k = lo + 1; k <= hi; k++) {
      var v = a[k], m = k - 1;
      while (m >= lo && cmp(a[m], v) > 0) { a[m + 1] = a[m]; m--; }
      a[m + 1] = v;
    }
  }
  Object.defineProperty(Array.prototype, 'sort', {
    configurable: true, writable: true,
    value: function sort(compare) {
      if (compare !== undefined && typeof compare !== 'function') return nativeSort.call(this, compare);
      var cmp = compare || defaultCompare;
      var n = this.length >>> 0;
      var copy = [];
      for (var i = 0; i < n; i++) copy.push(this[i]);
      quick(copy, 0, n - 1, function (x, y) { return cmp(x, y) || 0; });
      for (var k = 0; k < n; k++) this[k] = copy[k];
      return this;
    }
  });
  var NativeRegExp = RegExp;
  var TOO_NEW = /\\(\\?<[=!]|\\(\\?<[A-Za-z_$]|\\\\[pP]\\{/;
  var Old = new Proxy(NativeRegExp, {
    construct: function (target, args, newTarget) {
      var source = args[0] instanceof NativeRegExp ? args[0].source : String(args[0] === undefined ? '' : args[0]);
      var flags = args[1] === undefined ? '' : String(args[1]);
      if (TOO_NEW.test(source)) throw new SyntaxError('Invalid regular expression: /' + source + '/: Invalid group');
      if (flags.indexOf('s') >= 0) throw new SyntaxError("Invalid flags supplied to RegExp constructor '" + flags + "'");
      return Reflect.construct(target, args, newTarget === Old ? target : newTarget);
    },
    apply: function (target, self, args) {
      return new Old(args[0], args[1]);
    }
  });
  Object.defineProperty(this, 'RegExp', { configurable: true, writable: true, value: Old });
  this.__oldEngine = { deleted: deleted };
})`;

/** Makes a vm context (or a jsdom window's context) look like Chromium 61; returns the built-ins it deleted. */
export function ageContext(context: vm.Context): string[] {
  const age = vm.runInContext(AGE_SCRIPT, context) as (this: unknown, paths: string[]) => void;
  const global = vm.runInContext('this', context) as object;
  age.call(
    global,
    MISSING_IN_CHROME_61.map((m) => m.path),
  );
  return (vm.runInContext('__oldEngine.deleted', context) as string[]).slice();
}

/**
 * Host objects (the fake WPS) as the old page sees them: results cross into the context as its own arrays and
 * wrapped objects; arguments and assigned values cross back as the host's. A function the page hands the host
 * (an event listener) keeps one wrapper, so removing it finds it.
 */
export function membrane<T extends object>(host: T, context: vm.Context): T {
  const makeArray = vm.runInContext('(function () { return []; })', context) as () => unknown[];
  const isContextArray = vm.runInContext('(function (x) { return Array.isArray(x); })', context) as (
    x: unknown,
  ) => boolean;
  const proxies = new WeakMap<object, object>();
  const targets = new WeakMap<object, object>();
  const pageFunctions = new WeakMap<object, (...args: unknown[]) => unknown>();

  const inward = (v: unknown): unknown => {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v;
    if (Array.isArray(v)) {
      const a = makeArray();
      for (const x of v) a.push(inward(x));
      return a;
    }
    if (targets.has(v)) return v;
    let p = proxies.get(v);
    if (!p) {
      p = wrapHost(v);
      proxies.set(v, p);
      targets.set(p, v);
    }
    return p;
  };

  const outward = (v: unknown): unknown => {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v;
    if (targets.has(v)) return targets.get(v);
    if (isContextArray(v)) return Array.from(v as unknown[], outward);
    if (typeof v === 'function') {
      let f = pageFunctions.get(v);
      if (!f) {
        const page = v as (...args: unknown[]) => unknown;
        f = (...args: unknown[]) => outward(page(...args.map(inward)));
        pageFunctions.set(v, f);
      }
      return f;
    }
    return v;
  };

  const wrapHost = (target: object): object =>
    new Proxy(target, {
      get: (t, p) => {
        if (typeof p === 'symbol') return undefined;
        const v = Reflect.get(t, p) as unknown;
        if (typeof v === 'function')
          return (...args: unknown[]) =>
            inward((v as (...a: unknown[]) => unknown).apply(t, args.map(outward)));
        return inward(v);
      },
      set: (t, p, v) => Reflect.set(t, p, outward(v)),
      has: (t, p) => Reflect.has(t, p),
    });

  return inward(host) as T;
}
