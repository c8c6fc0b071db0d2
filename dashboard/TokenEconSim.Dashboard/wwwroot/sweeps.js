// The sweeps page: sweep folders, then one sweep's ternary charts and its points table.
"use strict";
header("sweeps");
const show = v => v == null ? "–" : esc(v);

// sweep.json as `silo sweep` and `silo tune` write it (SweepReport): snake_case keys.
async function list() {
  const sweeps = await api("/api/sweeps");
  document.getElementById("empty").hidden = sweeps.length > 0;
  document.querySelector("#sweeps tbody").innerHTML = sweeps.map(({ id, sweep: j }) => `<tr>
    <td><a href="/sweeps?id=${encodeURIComponent(id)}">${esc(id)}</a></td>
    <td>${show(j.base_scenario)}</td><td>${show(j.mode)}</td><td class="num">${show(j.points)}</td>
    <td class="num">${show(j.runs_total == null ? null : `${j.runs_complete ?? 0} / ${j.runs_total}`)}</td><td>${show(j.objective)}</td></tr>`).join("");
}

async function detail(id) {
  const s = await api(`/api/sweeps/${encodeURIComponent(id)}`);
  document.getElementById("detail").hidden = false;
  document.getElementById("sweep-title").textContent = id;
  document.getElementById("sweep-json").textContent = JSON.stringify(s.sweep, null, 2);
  document.getElementById("sweep-charts").innerHTML = s.charts.map(c =>
    `<figure><img src="/api/sweeps/${encodeURIComponent(id)}/charts/${encodeURIComponent(c)}" alt="${esc(c)}"><figcaption>${esc(c)}</figcaption></figure>`).join("");
  document.querySelector("#points thead").innerHTML = `<tr>${s.pointColumns.map(c => `<th>${esc(c)}</th>`).join("")}</tr>`;
  document.querySelector("#points tbody").innerHTML = s.points.map(r => `<tr>${r.map(c => `<td class="num">${esc(c)}</td>`).join("")}</tr>`).join("");
}

list();
const id = new URLSearchParams(location.search).get("id");
if (id) detail(id).catch(err => { document.getElementById("detail").hidden = false; document.getElementById("sweep-title").textContent = err.message; });
