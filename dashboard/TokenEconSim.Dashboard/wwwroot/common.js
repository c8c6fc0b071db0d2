// Shared by every page: the header, JSON calls, formatting and the uPlot chart factory.
"use strict";

const palette = ["#1f6feb", "#d1495b", "#2a9d8f", "#e9a23b", "#7b2cbf", "#6c757d", "#00798c", "#8f2d56"];

async function api(path, options) {
  const res = await fetch(path, options);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error || `${res.status} ${res.statusText}`);
  return body;
}

async function header(active) {
  const info = await api("/api/info").catch(() => ({}));
  const link = (href, text, key) => `<a href="${href}" class="${key === active ? "active" : ""}">${text}</a>`;
  const h = document.createElement("header");
  h.innerHTML = `<span class="brand">TokenEconSim</span>${link("/", "Runs", "runs")}${link("/start", "Start a run", "start")}` +
    `${link("/compare", "Compare", "compare")}${link("/sweeps", "Sweeps", "sweeps")}<span class="right">` +
    (info.orleansDashboard ? `<a id="orleans-link" href="${info.orleansDashboard}">Orleans dashboard</a>` : "") +
    `<a href="/metrics">Prometheus metrics</a></span>`;
  document.body.prepend(h);
  return info;
}

// The page's error line (#error): shown with a message, hidden with null.
function showError(message) {
  const e = document.getElementById("error");
  e.hidden = message == null;
  e.textContent = message ?? "";
}

// The token that starting and cancelling runs need when the server asks for one (kept in this browser).
const tokenKey = "tokeneconsim-token";
function authHeaders(token = localStorage.getItem(tokenKey)) { return token ? { Authorization: `Bearer ${token}` } : {}; }

// Escaped, with a line-break opportunity after each dot or underscore (long dotted metric names in table headers).
function breakable(s) { return esc(s).replace(/([._])/g, "$1<wbr>"); }

function esc(s) { return String(s ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c])); }

function fmtNumber(v, digits = 4) {
  if (v == null || !isFinite(v)) return "–";
  const a = Math.abs(v);
  if (a >= 1e6) return new Intl.NumberFormat("en-US", { notation: "compact", maximumSignificantDigits: digits }).format(v);
  if (a !== 0 && a < 1e-3) return v.toExponential(2);
  // Significant digits, not toLocaleString's default of 3 decimals (which wrote 0.05068 as 0.051).
  return v.toLocaleString("en-US", { maximumSignificantDigits: digits });
}

// Axis ticks: an SI prefix taken from the largest tick (k, M, G …) and as many decimals as the ticks need to be
// written exactly, so that neighbouring ticks never read alike (894.1M 894.2M, not 894M 894M).
const siPrefixes = ["", "k", "M", "G", "T", "P", "E"];
function fmtTicks(vals) {
  const finite = vals.filter(v => v != null && isFinite(v));
  if (finite.length === 0) return vals.map(() => "");
  const max = Math.max(...finite.map(Math.abs));
  const sorted = [...new Set(finite)].sort((a, b) => a - b);
  const step = sorted.length > 1 ? Math.min(...sorted.slice(1).map((v, i) => v - sorted[i])) : (max || 1);
  if (max !== 0 && max < 1e-3) {
    const digits = Math.min(6, Math.max(1, Math.ceil(Math.log10(max / step))));
    return vals.map(v => v == null ? "" : v === 0 ? "0" : v.toExponential(digits));
  }
  const power = max < 1e3 ? 0 : Math.min(siPrefixes.length - 1, Math.floor(Math.log10(max) / 3));
  const scale = 10 ** (3 * power);
  let decimals = 0;
  while (decimals < 8 && finite.some(v => Math.abs(Number((v / scale).toFixed(decimals)) - v / scale) > 1e-6 * step / scale)) decimals++;
  // + 0 turns -0 (which uPlot's arithmetic can give) into 0: Intl writes -0 as "-0". Zero takes no prefix (0, not 0k).
  return vals.map(v => v == null ? "" : (v / scale + 0).toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    + (v === 0 ? "" : siPrefixes[power]));
}

function fmtDuration(s) {
  if (s == null || !isFinite(s)) return "–";
  if (s < 60) return `${Math.ceil(s)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.ceil(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}

// A line chart of metric columns against the epoch, with a legend that shows values under the cursor,
// drag-to-zoom on x (double-click resets) and series toggled by clicking their legend entry.
// spec: { title, y: "left axis label", y2: "right axis label" (optional), range: [min, max] of y (optional),
//         series: [{ col, label, axis: 2?, scale: factor?, whenFilled: true? (legend entry hidden while the column is empty) }] }
class MetricChart {
  constructor(container, spec, width) {
    this.spec = spec;
    this.el = document.createElement("div");
    this.el.className = "chart";
    this.el.dataset.title = spec.title;
    this.el.dataset.points = "0";
    container.appendChild(this.el);
    // Shown instead of the plot while every series is empty: an empty frame with axes would read as zero.
    this.noData = document.createElement("div");
    this.noData.className = "no-data";
    const labels = spec.series.map(s => s.label);
    this.noData.innerHTML = `<strong>${esc(spec.title)}</strong><span>no data: ${esc(labels.join(", "))} `
      + `${labels.length > 1 ? "are" : "is"} empty in every epoch</span>`;
    this.el.appendChild(this.noData);
    this.xs = [];
    this.ys = spec.series.map(() => []);
    const axis = (label, scale, side) => ({ label, scale, side, labelSize: 22, size: 70, values: (u, vals) => fmtTicks(vals),
      grid: { show: side !== 1, stroke: "#eceff4" } });
    const axes = [{ label: spec.x || "epoch", labelSize: 22, grid: { stroke: "#eceff4" } }, axis(spec.y, "y", 3)];
    if (spec.y2) axes.push(axis(spec.y2, "y2", 1));
    this.plot = new uPlot({
      title: spec.title,
      width, height: 280,
      scales: { x: { time: false }, ...(spec.range ? { y: { range: spec.range } } : {}) },
      axes,
      series: [{ label: spec.x || "epoch" }, ...spec.series.map((s, i) => ({
        label: s.label, scale: s.axis === 2 ? "y2" : "y", stroke: s.color || palette[i % palette.length], width: 2,
        spanGaps: true, points: { show: false }, value: (u, v) => fmtNumber(v, 6),
      }))],
      legend: { live: true },
      cursor: { drag: { x: true, y: false } },
    }, [this.xs, ...this.ys], this.el);
  }

  // A chart marked whenFilled whose columns are empty in the first rows is removed (false).
  keepAfterFirstRows() {
    if (!this.spec.whenFilled || this.ys.some(filled)) return true;
    this.plot.destroy();
    this.el.remove();
    return false;
  }

  // rows: arrays in the order of `columns`; the x value is the row's "epoch" cell (+1 for the epoch's end).
  append(columns, rows) {
    if (rows.length === 0) return;
    const xi = columns.indexOf(this.spec.xcol || "epoch");
    const idx = this.spec.series.map(s => columns.indexOf(s.col));
    for (const r of rows) {
      this.xs.push(this.spec.xcol ? r[xi] : r[xi] + 1);
      idx.forEach((c, i) => this.ys[i].push(c < 0 || r[c] == null ? null : r[c] * (this.spec.series[i].scale || 1)));
    }
    // Keep a zoom the user chose; follow the newest epoch otherwise.
    const x = this.plot.scales.x;
    const following = x.max == null || x.max >= this.xs[this.xs.length - rows.length - 1] - 1e-9 || this.xs.length === rows.length;
    this.plot.setData([this.xs, ...this.ys], following);
    // An empty optional series (no LSTM forecast outside lstm runs) would be a legend entry without a line.
    const legendRows = this.el.querySelectorAll(".u-legend .u-series"); // row 0 is the epoch
    this.spec.series.forEach((s, i) => {
      if (s.whenFilled && legendRows[i + 1]) legendRows[i + 1].style.display = filled(this.ys[i]) ? "" : "none";
    });
    this.el.dataset.points = String(this.xs.length);
    this.el.classList.toggle("empty", !this.ys.some(filled));
  }
}

function filled(values) { return values.some(v => v != null && Number.isFinite(v)); }

function chartWidth(container) {
  const w = container.clientWidth || 1200;
  const cols = Math.max(1, Math.floor(w / 620));
  return Math.floor((w - 14 * (cols - 1)) / cols) - 14;
}

// A table of rows with sortable headers (click: ascending, again: descending; numbers as numbers, empty cells last) and a
// text filter over the cells as shown: a row is kept when it contains every word of the filter, and for a word
// column=value, when a column whose name ends with "column" shows exactly "value" (alpha=0.6). columns: [{ key, label,
// title?, num?, value: row => the sort value, html: row => the cell's HTML }].
class DataTable {
  // rowClass (optional): a row's class, e.g. to mark the Pareto front.
  constructor(table, filter, columns, rows, rowClass) {
    this.table = table;
    this.rowClass = rowClass;
    this.filter = filter;
    this.rows = rows;
    this.sort = null; // { key, dir: 1 | -1 }
    this.setColumns(columns);
    filter?.addEventListener("input", () => this.render());
    table.querySelector("thead").addEventListener("click", e => {
      const th = e.target.closest("th[data-key]");
      if (!th) return;
      this.sort = { key: th.dataset.key, dir: this.sort?.key === th.dataset.key ? -this.sort.dir : 1 };
      this.render();
    });
  }

  setColumns(columns) {
    this.columns = columns;
    if (this.sort && !columns.some(c => c.key === this.sort.key)) this.sort = null;
    const shown = document.createElement("div");
    const text = (c, r) => { shown.innerHTML = c.html(r); return shown.textContent.toLowerCase(); };
    this.cells = this.rows.map(r => columns.map(c => text(c, r)));
    this.keys = columns.map(c => c.key.toLowerCase());
    this.render();
  }

  // The rows shown: filtered, then sorted.
  visible() {
    const words = (this.filter?.value ?? "").toLowerCase().split(/\s+/).filter(Boolean);
    const matches = (i, w) => {
      const eq = w.indexOf("=");
      if (eq < 1) return this.cells[i].some(t => t.includes(w));
      const [k, v] = [w.slice(0, eq), w.slice(eq + 1)];
      return this.keys.some((key, c) => key.endsWith(k) && this.cells[i][c].trim() === v);
    };
    let shown = this.rows.map((r, i) => ({ r, i })).filter(({ i }) => words.every(w => matches(i, w)));
    if (this.sort) {
      const c = this.columns.find(x => x.key === this.sort.key);
      const blank = v => v == null || v === "" || (typeof v === "number" && !isFinite(v));
      shown.sort((a, b) => {
        const x = c.value(a.r), y = c.value(b.r);
        if (blank(x) || blank(y)) return blank(x) - blank(y) || a.i - b.i;
        return (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y))) * this.sort.dir || a.i - b.i;
      });
    }
    return shown.map(s => s.r);
  }

  render() {
    const arrow = c => this.sort?.key === c.key ? (this.sort.dir > 0 ? " ▲" : " ▼") : "";
    const aria = c => this.sort?.key === c.key ? (this.sort.dir > 0 ? "ascending" : "descending") : "none";
    this.table.querySelector("thead").innerHTML = `<tr>${this.columns.map(c => `<th data-key="${esc(c.key)}" class="sortable${c.num ? " num" : ""}" `
      + `aria-sort="${aria(c)}" title="${esc(c.title ?? "sort by " + c.label)}">${breakable(c.label)}${arrow(c)}</th>`).join("")}</tr>`;
    const shown = this.visible();
    const cls = r => { const c = this.rowClass?.(r); return c ? ` class="${esc(c)}"` : ""; };
    this.table.querySelector("tbody").innerHTML = shown.map(r => `<tr${cls(r)}>${this.columns.map(c =>
      `<td data-col="${esc(c.key)}"${c.num ? ` class="num" data-value="${c.value(r) ?? ""}"` : ""}>${c.html(r)}</td>`).join("")}</tr>`).join("");
    this.table.dispatchEvent(new CustomEvent("rendered", { detail: { shown: shown.length, total: this.rows.length } }));
  }
}
