type DateTimeFormatConstructor = typeof Intl.DateTimeFormat;

/**
 * `Intl.DateTimeFormat` whose instances build the real formatter on first use (any property read),
 * with the same arguments; `instanceof` and the static methods are the real constructor's.
 *
 * Why: building a formatter makes ICU load its calendar, time-zone and pattern data and the code
 * that reads them, about 9 MiB of resident memory per process (docs/BENCHMARKS.md, issue 15),
 * even when the formatter is never used.
 */
export function lazyDateTimeFormat(eager: DateTimeFormatConstructor): DateTimeFormatConstructor {
  const defer = (args: unknown[]): Intl.DateTimeFormat => {
    let real: Intl.DateTimeFormat | undefined;
    const resolve = (): Intl.DateTimeFormat =>
      (real ??= Reflect.construct(eager, args) as Intl.DateTimeFormat);
    // An object of the real prototype (so `instanceof` holds) that forwards every read.
    return new Proxy(Object.create(eager.prototype) as Intl.DateTimeFormat, {
      get(_target, key) {
        const formatter = resolve();
        const value: unknown = Reflect.get(formatter, key, formatter);
        // The prototype's methods check their receiver: call them on the real formatter.
        return typeof value === 'function' ? value.bind(formatter) : value;
      },
    });
  };
  return new Proxy(eager, {
    construct: (_target, args) => defer(args),
    // Like the real one, callable without `new`.
    apply: (_target, _this, args) => defer(args),
  });
}

/**
 * Runs `load` (a module's first require) with `Intl.DateTimeFormat` lazy, then puts the real one
 * back: only the formatters that module builds while it loads are deferred.
 */
export function withLazyDateTimeFormat<T>(load: () => T): T {
  const eager = Intl.DateTimeFormat;
  Intl.DateTimeFormat = lazyDateTimeFormat(eager);
  try {
    return load();
  } finally {
    Intl.DateTimeFormat = eager;
  }
}

/**
 * Loads `@nestjs/common`, whose ConsoleLogger and Logger build an `Intl.DateTimeFormat` each as
 * they load, with those formatters deferred until a log line is printed through them. The
 * services log through pino, so that is at most a start-up error before pino is in place. Call it
 * from each app's first import, before anything requires Nest.
 */
export function loadNestWithLazyDateFormatters(): void {
  // A plain require: it must run between the two assignments of withLazyDateTimeFormat, which a
  // hoisted import cannot. The module stays in Node's cache for every later import.
  withLazyDateTimeFormat(() => require('@nestjs/common'));
}
