// The start page: pick a scenario, set seed, epochs and α/β/γ, start, and go to the live page.
"use strict";
(async () => {
  const info = await header("start");
  if (info.tokenRequired) document.querySelectorAll(".token").forEach(e => e.hidden = false);
  document.getElementById("token").value = localStorage.getItem("tokeneconsim-token") || "";
  const scenarios = await api("/api/scenarios");
  document.getElementById("scenario").innerHTML = scenarios.map(s => `<option${s === "baseline.yaml" ? " selected" : ""}>${esc(s)}</option>`).join("");
})();

document.getElementById("start").addEventListener("submit", async e => {
  e.preventDefault();
  const value = name => document.getElementById(name).value.trim();
  const body = { scenario: value("scenario"), overrides: {} };
  if (value("seed") !== "") body.seed = Number(value("seed"));
  if (value("epochs") !== "") body.epochs = Number(value("epochs"));
  for (const w of ["alpha", "beta", "gamma"]) if (value(w) !== "") body.overrides[w] = Number(value(w));
  const headers = { "Content-Type": "application/json" };
  const token = value("token");
  if (token) { headers.Authorization = `Bearer ${token}`; localStorage.setItem("tokeneconsim-token", token); }
  const error = document.getElementById("error");
  error.hidden = true;
  document.getElementById("submit").disabled = true;
  try {
    const run = await api("/api/runs", { method: "POST", headers, body: JSON.stringify(body) });
    location.href = `/runs/${encodeURIComponent(run.id)}`;
  } catch (err) {
    error.hidden = false;
    error.textContent = err.message;
    document.getElementById("submit").disabled = false;
  }
});
