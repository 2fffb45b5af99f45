// A small SVG chart of latency distributions: one panel per group, percentile on the x axis
// (spaced as −log10(1 − p), so the tail gets room) and latency on a log10 y axis.

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
const X_TICKS = [50, 90, 99, 99.9];
const W = 760;
const H = 300;
const M = { left: 64, right: 190, top: 36, bottom: 44 };

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const xOf = (p) => -Math.log10(1 - Math.min(p, 99.9) / 100);

/** panels: [{ title, series: [{ name, points: [[percentile, ms], …], dashed? }] }] → SVG text. */
export function latencyChart(title, panels) {
  const body = panels.map((panel, i) => panelSvg(panel, M.top + i * H + 30)).join('\n');
  const height = panels.length * H + 40;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${esc(title)}</text>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}

function panelSvg(panel, top) {
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const values = panel.series.flatMap((s) => s.points.map(([, ms]) => ms)).filter((v) => v > 0);
  const lo = Math.floor(Math.log10(Math.max(0.1, Math.min(...values, 1))));
  const hi = Math.ceil(Math.log10(Math.max(...values, 10)));
  const x = (p) => M.left + (xOf(p) / xOf(99.9)) * plotW;
  const y = (ms) => top + plotH - ((Math.log10(Math.max(ms, 10 ** lo)) - lo) / (hi - lo)) * plotH;
  const out = [`<text x="${M.left}" y="${top - 10}" font-weight="bold">${esc(panel.title)}</text>`];
  out.push(`<rect x="${M.left}" y="${top}" width="${plotW}" height="${plotH}" fill="none" stroke="#999"/>`);
  for (let e = lo; e <= hi; e++) {
    const yy = y(10 ** e);
    out.push(`<line x1="${M.left}" x2="${M.left + plotW}" y1="${yy}" y2="${yy}" stroke="#eee"/>`);
    out.push(
      `<text x="${M.left - 6}" y="${yy + 4}" text-anchor="end">${10 ** e >= 1 ? 10 ** e : (10 ** e).toFixed(1)} ms</text>`,
    );
  }
  for (const p of X_TICKS) {
    out.push(`<line x1="${x(p)}" x2="${x(p)}" y1="${top}" y2="${top + plotH}" stroke="#eee"/>`);
    out.push(`<text x="${x(p)}" y="${top + plotH + 16}" text-anchor="middle">p${p}</text>`);
  }
  out.push(`<text x="${M.left + plotW / 2}" y="${top + plotH + 34}" text-anchor="middle">percentile</text>`);
  panel.series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length];
    const pts = s.points
      .filter(([p, ms]) => p >= 1 && ms > 0)
      .map(([p, ms]) => `${x(p).toFixed(1)},${y(ms).toFixed(1)}`);
    const dash = s.dashed ? ' stroke-dasharray="5,4"' : '';
    out.push(`<polyline fill="none" stroke="${color}" stroke-width="2"${dash} points="${pts.join(' ')}"/>`);
    const ly = top + 12 + i * 18;
    out.push(
      `<line x1="${W - M.right + 12}" x2="${W - M.right + 36}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color}" stroke-width="2"${dash}/>`,
    );
    out.push(`<text x="${W - M.right + 42}" y="${ly}">${esc(s.name)}</text>`);
  });
  return out.join('\n');
}
