import { IdleMemoryRelease, idleMemoryReleaseProvider, shouldReleaseMemory } from './idle-memory-release';

const MiB = 1024 * 1024;
/** A quiet process: its event loop busy 1 % of each interval. */
const quiet = () => 0.01;

describe('shouldReleaseMemory', () => {
  it('releases once when idle after start, then only after resident memory grew by 8 MiB', () => {
    expect(shouldReleaseMemory({ utilization: 0.01, rssBytes: 120 * MiB, baselineBytes: undefined })).toBe(
      true,
    );
    expect(shouldReleaseMemory({ utilization: 0.01, rssBytes: 117 * MiB, baselineBytes: 110 * MiB })).toBe(
      false,
    );
    expect(shouldReleaseMemory({ utilization: 0.01, rssBytes: 118 * MiB, baselineBytes: 110 * MiB })).toBe(
      true,
    );
  });

  it('never while the event loop is busy, however much memory grew', () => {
    expect(shouldReleaseMemory({ utilization: 0.05, rssBytes: 300 * MiB, baselineBytes: 110 * MiB })).toBe(
      false,
    );
    expect(shouldReleaseMemory({ utilization: 0.6, rssBytes: 300 * MiB, baselineBytes: undefined })).toBe(
      false,
    );
  });
});

describe('IdleMemoryRelease', () => {
  afterEach(() => jest.restoreAllMocks());

  it('collects when idle, then not again until memory grows by a load', () => {
    const collect = jest.fn();
    const release = new IdleMemoryRelease(collect, quiet);
    const rss = jest.spyOn(process.memoryUsage, 'rss').mockReturnValue(130 * MiB);

    release.check();
    expect(collect).toHaveBeenCalledTimes(1);

    rss.mockReturnValue(135 * MiB);
    release.check();
    expect(collect).toHaveBeenCalledTimes(1);

    rss.mockReturnValue(150 * MiB);
    release.check();
    expect(collect).toHaveBeenCalledTimes(2);
  });

  it('does not collect while the event loop is busy', () => {
    const collect = jest.fn();
    const release = new IdleMemoryRelease(collect, () => 0.4);
    jest.spyOn(process.memoryUsage, 'rss').mockReturnValue(300 * MiB);
    release.check();
    expect(collect).not.toHaveBeenCalled();
  });

  it("reaches V8's collector without exposing gc to the process", () => {
    const provider = idleMemoryReleaseProvider() as { useFactory: () => IdleMemoryRelease };
    const release = provider.useFactory();
    // Jest's event loop never looks idle, so the collector is called directly.
    expect(() => (release as unknown as { collect: () => void }).collect()).not.toThrow();
    expect(globalThis.gc).toBeUndefined();
  });
});
