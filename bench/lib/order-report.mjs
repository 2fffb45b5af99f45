// Prints one order-pipeline run (closed loop or fixed rate) and returns its markdown table.
import { orderVerdict } from '../order-pipeline.mjs';
import { printStockTable } from './orders.mjs';
import { round } from './stats.mjs';
import { markdownTable, printTable } from './table.mjs';

const COLUMNS = [
  ['mode', 'load'],
  ['accepted', 'accepted'],
  ['confirmed', 'confirmed'],
  ['rejected', 'rejected'],
  ['pending', 'left PENDING'],
  ['late', 'not settled in 30 s'],
  ['acceptedPerS', 'accepted/s'],
  ['confirmedPerS', 'confirmed/s'],
  ['settledPerS', 'settled/s'],
  ['placeP50', 'POST p50 ms'],
  ['placeP99', 'POST p99 ms'],
  ['p50', 'to CONFIRMED p50 ms'],
  ['p99', 'to CONFIRMED p99 ms'],
  ['srvP50', 'server p50 ms'],
  ['srvP99', 'server p99 ms'],
  ['invariant', 'stock invariant'],
];

export function reportOrders(orders, title) {
  orders.verdict = orderVerdict(orders);
  const rows = [
    {
      mode:
        orders.mode === 'open' ? `${orders.params.rate}/s offered` : `closed, ≤ ${orders.params.inFlight}`,
      accepted: orders.accepted,
      confirmed: orders.confirmed,
      rejected: orders.rejected,
      pending: orders.stillPending,
      late: orders.pendingAfterFollow,
      acceptedPerS: orders.acceptedPerS,
      confirmedPerS: orders.confirmedPerS,
      settledPerS: orders.settledPerS,
      placeP50: round(orders.placeLatencyMs.p50),
      placeP99: round(orders.placeLatencyMs.p99),
      p50: round(orders.toConfirmedMs.p50),
      p99: round(orders.toConfirmedMs.p99),
      srvP50: round(orders.serverToConfirmedMs.p50),
      srvP99: round(orders.serverToConfirmedMs.p99),
      invariant: orders.invariant.ok,
    },
  ];
  printTable(title, COLUMNS, rows);
  console.log(
    `followed by SSE: ${orders.heardBy.sse}, by the fallback poll: ${orders.heardBy.poll} (${orders.fallbackPolls} GETs)`,
  );
  const v = orders.verdict;
  console.log(
    `targets: ≥ 200 confirmed/s ${v.confirmedPerSMet ? 'met' : 'NOT met'}, p99 to CONFIRMED < 1 s ${v.p99Met ? 'met' : 'NOT met'}, invariant ${v.invariantMet ? 'holds' : 'BROKEN'}`,
  );
  printStockTable(orders.invariant.books);
  if (orders.dbOps) {
    const { commitsPerOrder, totalPerOrder, perOrder } = orders.dbOps;
    const rows = Object.entries(perOrder).map(([table, counts]) => ({ table, ...counts }));
    rows.push({ table: 'total', ...totalPerOrder });
    printTable(
      `Database rows and scans per accepted order (PostgreSQL commits per order: ${commitsPerOrder}, all sandboxes)`,
      [
        ['table', 'service.collection'],
        ['inserted', 'inserted'],
        ['updated', 'updated'],
        ['deleted', 'deleted'],
        ['seqScans', 'seq scans'],
        ['seqRowsRead', 'rows read by seq scans'],
        ['indexScans', 'index scans'],
      ],
      rows,
    );
  }
  if (orders.invariant.error) console.log(`invariant NOT CHECKED: ${orders.invariant.error}`);
  if (Object.keys(orders.placementFailures).length)
    console.log('placement failures by status:', orders.placementFailures);
  return markdownTable(COLUMNS, rows);
}
