// Prints the chaos results as tables.
import { printStockTable } from '../../bench/lib/orders.mjs';
import { printTable } from '../../bench/lib/table.mjs';

export function printChaosReport(result) {
  if (result.faults.length) {
    printTable(
      'Faults',
      [
        ['fault', 'fault'],
        ['target', 'killed'],
        ['recoveryMs', 'down → healthy ms'],
        ['unavailable', 'longest unavailable ms (orders/reads)'],
        ['requests', 'requests meanwhile'],
        ['statuses', 'statuses meanwhile'],
        ['maxMs', 'slowest answer ms'],
        ['crashed', 'crashed'],
      ],
      result.faults.map((f) => {
        const w = result.load?.windows.find((x) => x.fault === f.fault) ?? {};
        return {
          fault: f.fault,
          target: f.target,
          recoveryMs: f.recoveryMs,
          unavailable: w.unavailableMs ? `${w.unavailableMs.order}/${w.unavailableMs.read}` : '',
          requests: w.requests,
          statuses: JSON.stringify(w.byStatus ?? {}),
          maxMs: w.maxMs,
          crashed: f.crashed?.join(',') || 'none',
        };
      }),
    );
  }
  for (const s of result.skipped) console.log(`skipped ${s.fault}: ${s.reason}`);
  if (result.load) {
    const l = result.load;
    console.log(
      `\nrequests ${l.requests}, unanswered within the bound ${l.hung}, by status ${JSON.stringify(l.byStatus)}`,
    );
    console.log(
      `order placements ${l.ordersAttempted} (skipped for back-pressure ${l.skippedForBackpressure}); answer p50 ${l.latencyMs.p50?.toFixed(1)} ms, p99 ${l.latencyMs.p99?.toFixed(1)} ms, max ${l.latencyMs.max?.toFixed(0)} ms`,
    );
  }
  if (result.orders) {
    const o = result.orders;
    console.log(
      `orders accepted ${o.accepted}, listed ${o.listed}, by status ${JSON.stringify(o.invariant.byStatus)}, accepted but missing ${o.lostAccepted.length}`,
    );
    printStockTable(o.invariant.books);
  }
  if (result.notifications) {
    const n = result.notifications;
    console.log(
      n.measured
        ? `notifications ${n.notifications}, duplicated ${n.duplicated.length}, missing ${n.missing}`
        : `notifications not measured: ${n.reason}`,
    );
  }
  if (result.deadLetters) console.log(`dead-letter queues: ${JSON.stringify(result.deadLetters)}`);
  if (result.summary) {
    const r = result.summary;
    printTable(
      'Result',
      [
        ['placed', 'orders placed'],
        ['confirmed', 'CONFIRMED'],
        ['rejected', 'REJECTED'],
        ['lost', 'lost'],
        ['appliedTwice', 'applied twice'],
        ['stockMismatches', 'stock mismatches'],
        ['deadLettered', 'dead-lettered'],
        ['unavailable', 'longest unavailability ms (orders/reads)'],
      ],
      [{ ...r, unavailable: `${r.longestUnavailableMs.order}/${r.longestUnavailableMs.read}` }],
    );
  }
  printTable(
    'Checks',
    [
      ['check', 'check'],
      ['ok', 'result'],
    ],
    Object.entries(result.passed).map(([check, ok]) => ({ check, ok: ok === null ? 'not measured' : ok })),
  );
}
