// The run page: one server-sent-event stream feeds every chart while the run progresses.
"use strict";
header("runs");
const id = decodeURIComponent(location.pathname.split("/").pop());
document.getElementById("title").textContent = id;
document.title = `${id} · TokenEconSim`;
let charts = [], columns = [], received = 0;

function showState(run) {
  const total = run.epochsTotal || run.epochsDone || 1;
  document.getElementById("bar").style.width = `${Math.min(100, 100 * run.epochsDone / total)}%`;
  const rate = run.epochsPerSecond ? ` · ${fmtNumber(run.epochsPerSecond, 3)} epochs/s` : "";
  const eta = run.status === "running" && run.etaSeconds != null ? ` · ETA ${fmtDuration(run.etaSeconds)}` : "";
  document.getElementById("progress-text").innerHTML =
    `<span class="status ${esc(run.status)}" id="status">${esc(run.status)}</span> · epoch <span id="epochs-done">${run.epochsDone}</span> / ${run.epochsTotal ?? "?"}${rate}${eta}`;
  document.getElementById("cancel").hidden = run.status !== "running";
  const csv = document.getElementById("csv");
  csv.hidden = run.status !== "completed";
  csv.href = `/api/runs/${encodeURIComponent(id)}/metrics.csv`;
  if (run.error) showError(run.error);
}

function connect() {
  const stream = new EventSource(`/api/runs/${encodeURIComponent(id)}/events?since=${received}`);
  stream.addEventListener("columns", e => {
    columns = JSON.parse(e.data);
    if (charts.length > 0) return;
    const box = document.getElementById("charts");
    const width = chartWidth(box);
    charts = chartsFor(columns).map(spec => new MetricChart(box, spec, width));
  });
  stream.addEventListener("rows", e => {
    const msg = JSON.parse(e.data);
    // The browser reconnects by itself and the server resumes at the last event's id; should an event still start
    // before what we hold, keep only its new epochs, and should it start after (epochs missing), reconnect from ours.
    const held = received - msg.since;
    if (held < 0) { stream.close(); connect(); return; }
    if (held > 0 && held >= msg.rows.length) return;
    const rows = held > 0 ? msg.rows.slice(held) : msg.rows;
    charts.forEach(c => c.append(columns, rows));
    if (rows.length > 0) charts = charts.filter(c => c.keepAfterFirstRows());
    received += rows.length;
    showState(msg.run);
  });
  stream.addEventListener("end", e => { showState(JSON.parse(e.data)); stream.close(); });
  stream.onerror = () => {
    if (stream.readyState === EventSource.CLOSED) {
      // The run is unknown (404) or the server went away: say so instead of retrying forever.
      api(`/api/runs/${encodeURIComponent(id)}/metrics?since=${received}`).catch(err => showError(err.message));
    }
  };
}

document.getElementById("cancel").addEventListener("click", async () => {
  try {
    await api(`/api/runs/${encodeURIComponent(id)}`, { method: "DELETE", headers: authHeaders() });
  } catch (err) {
    showError(err.message);
  }
});

chartsReady.then(connect, err => showError(err.message));
