// The runs list: refreshed every two seconds so live runs' progress moves.
"use strict";
header("runs");
const selected = new Set();

async function refresh() {
  const runs = await api("/api/runs");
  document.getElementById("empty").hidden = runs.length > 0;
  document.querySelector("#runs tbody").innerHTML = runs.map(r => `<tr>
    <td><input type="checkbox" data-id="${esc(r.id)}" ${selected.has(r.id) ? "checked" : ""} aria-label="select ${esc(r.id)}"></td>
    <td><a href="/runs/${encodeURIComponent(r.id)}">${esc(r.id)}</a></td>
    <td>${esc(r.scenario ?? r.name)}</td>
    <td class="status ${esc(r.status)}">${esc(r.status)}</td>
    <td class="num">${r.epochsDone}${r.epochsTotal != null && r.epochsTotal !== r.epochsDone ? " / " + r.epochsTotal : ""}</td>
    <td class="num">${r.seed ?? "–"}</td>
    <td>${esc(r.startedUtc.replace("T", " ").slice(0, 19))}</td></tr>`).join("");
}

document.querySelector("#runs").addEventListener("change", e => {
  const id = e.target.dataset.id;
  if (!id) return;
  e.target.checked ? selected.add(id) : selected.delete(id);
  document.getElementById("compare").disabled = selected.size < 2;
});
document.getElementById("compare").addEventListener("click", () =>
  location.href = "/compare?runs=" + [...selected].map(encodeURIComponent).join(","));

refresh();
setInterval(refresh, 2000);
