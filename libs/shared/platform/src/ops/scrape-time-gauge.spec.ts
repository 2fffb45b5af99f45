import { Registry } from 'prom-client';

import { GAUGE_READ_TIMEOUT_MS, ScrapeTimeGauge } from './scrape-time-gauge';

describe('ScrapeTimeGauge', () => {
  const scrape = (registry: Registry) => registry.getSingleMetricAsString('test_depth');
  const make = () => {
    const registry = new Registry();
    const gauge = new ScrapeTimeGauge<'queue'>({
      name: 'test_depth',
      help: 'test',
      labelNames: ['queue'],
      registry,
    });
    return { registry, gauge };
  };

  it('reads every reader at each scrape, and nothing between scrapes', async () => {
    const { registry, gauge } = make();
    let depth = 3;
    const reader = jest.fn(async () => [{ labels: { queue: 'a' }, value: depth }]);
    gauge.read(reader);
    gauge.read(async () => [{ labels: { queue: 'b' }, value: 7 }]);
    expect(reader).not.toHaveBeenCalled();
    expect(await scrape(registry)).toContain('test_depth{queue="a"} 3');
    depth = 5;
    const text = await scrape(registry);
    expect(text).toContain('test_depth{queue="a"} 5');
    expect(text).toContain('test_depth{queue="b"} 7');
    expect(reader).toHaveBeenCalledTimes(2);
  });

  it('leaves out the series of a reader that fails, instead of repeating its last value', async () => {
    const { registry, gauge } = make();
    let fail = false;
    gauge.read(async () => {
      if (fail) throw new Error('broker gone');
      return [{ labels: { queue: 'a' }, value: 1 }];
    });
    gauge.read(async () => [{ labels: { queue: 'b' }, value: 2 }]);
    expect(await scrape(registry)).toContain('test_depth{queue="a"} 1');
    fail = true;
    const text = await scrape(registry);
    expect(text).not.toContain('queue="a"');
    expect(text).toContain('test_depth{queue="b"} 2');
  });

  it('does not wait past its limit for a reader that hangs', async () => {
    jest.useFakeTimers();
    try {
      const { registry, gauge } = make();
      gauge.read(() => new Promise(() => undefined));
      gauge.read(async () => [{ labels: { queue: 'b' }, value: 2 }]);
      const scraped = scrape(registry);
      await jest.advanceTimersByTimeAsync(GAUGE_READ_TIMEOUT_MS);
      const text = await scraped;
      expect(text).toContain('test_depth{queue="b"} 2');
    } finally {
      jest.useRealTimers();
    }
  });

  it('stops reading a reader once removed', async () => {
    const { registry, gauge } = make();
    const remove = gauge.read(async () => [{ labels: { queue: 'a' }, value: 1 }]);
    remove();
    expect(await scrape(registry)).not.toContain('queue="a"');
  });
});
