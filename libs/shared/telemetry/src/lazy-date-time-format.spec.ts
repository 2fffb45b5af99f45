import { lazyDateTimeFormat, withLazyDateTimeFormat } from './lazy-date-time-format';

describe('lazyDateTimeFormat', () => {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', timeZone: 'UTC' };
  const at = Date.UTC(2026, 10, 30, 12);

  it('builds the real formatter only on first use, with the same arguments', () => {
    const eager = jest.fn(
      (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
    );
    const Lazy = lazyDateTimeFormat(eager as unknown as typeof Intl.DateTimeFormat);

    const formatter = new Lazy('en-GB', options);
    expect(eager).not.toHaveBeenCalled();

    expect(formatter.format(at)).toBe(new Intl.DateTimeFormat('en-GB', options).format(at));
    expect(formatter.formatToParts(at)).toEqual(new Intl.DateTimeFormat('en-GB', options).formatToParts(at));
    expect(formatter.resolvedOptions().timeZone).toBe('UTC');
    expect(eager).toHaveBeenCalledTimes(1);
  });

  it('is an Intl.DateTimeFormat, also when called without new', () => {
    const Lazy = lazyDateTimeFormat(Intl.DateTimeFormat);
    const called = (Lazy as unknown as (l: string, o: Intl.DateTimeFormatOptions) => Intl.DateTimeFormat)(
      'en-GB',
      options,
    );
    expect(new Lazy('en-GB', options)).toBeInstanceOf(Intl.DateTimeFormat);
    expect(called.format(at)).toBe(new Intl.DateTimeFormat('en-GB', options).format(at));
    expect(Lazy.supportedLocalesOf(['en-GB'])).toEqual(['en-GB']);
  });
});

describe('withLazyDateTimeFormat', () => {
  it('defers the formatters built while loading, then restores the real constructor', () => {
    const eager = Intl.DateTimeFormat;
    const built = withLazyDateTimeFormat(() => {
      expect(Intl.DateTimeFormat).not.toBe(eager);
      return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC' });
    });
    expect(Intl.DateTimeFormat).toBe(eager);
    expect(built.resolvedOptions().timeZone).toBe('UTC');
  });

  it('restores the real constructor when loading throws', () => {
    const eager = Intl.DateTimeFormat;
    expect(() =>
      withLazyDateTimeFormat(() => {
        throw new Error('load failed');
      }),
    ).toThrow('load failed');
    expect(Intl.DateTimeFormat).toBe(eager);
  });
});
