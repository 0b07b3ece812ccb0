// spacerace mission control: the charts (plotly.js) and the progress streams (SSE).
// Everything it fetches comes from this server; the data come from the /api/ endpoints.
"use strict";

const LAYOUT = { margin: { l: 60, r: 20, t: 30, b: 40 }, hovermode: "closest" };
const CONFIG = { responsive: true, displaylogo: false };

function getJSON(url) {
  return fetch(url, { headers: { Accept: "application/json" } }).then((r) =>
    r.json().then((body) => {
      if (!r.ok) throw new Error(body.error || r.statusText);
      return body;
    })
  );
}

function say(el, text) {
  if (el) el.textContent = text;
}

// --- a run's timeline ---------------------------------------------------------------------
function drawTimeline(el) {
  const all = document.getElementById("all-events");
  const url = el.dataset.src + (all && all.checked ? "?all_events=true" : "");
  getJSON(url).then((t) => {
    const traces = t.lanes.map((lane) => ({
      type: "scatter", mode: "markers", name: lane.name, x: lane.x,
      y: lane.x.map(() => lane.name), text: lane.text, customdata: lane.seq,
      hovertemplate: "%{text}<extra></extra>",
      marker: { color: lane.colour, size: lane.size, opacity: 0.8 },
    }));
    if (t.missions.x.length) {
      traces.push({
        type: "scatter", mode: "markers", name: "Missions", x: t.missions.x,
        y: t.missions.x.map(() => "Missions"), text: t.missions.text, customdata: t.missions.id,
        hovertemplate: "%{text}<extra></extra>",
        marker: { color: t.missions.colour, symbol: t.missions.symbol, size: 9 },
      });
    }
    const shapes = t.eras.map((e, i) => ({
      type: "rect", xref: "x", yref: "paper", x0: e.start, x1: e.end, y0: 0, y1: 1,
      fillcolor: i % 2 ? "#f0f0ea" : "#e4e8ef", opacity: 0.5, line: { width: 0 }, layer: "below",
    }));
    const annotations = t.eras.map((e) => ({
      x: e.start, y: 1, xref: "x", yref: "paper", xanchor: "left", yanchor: "bottom",
      text: e.title, showarrow: false, font: { size: 10 },
    }));
    const layout = Object.assign({}, LAYOUT, {
      shapes, annotations, showlegend: false, height: 420, margin: { l: 120, r: 20, t: 40, b: 40 },
      xaxis: { type: "date", rangeslider: { visible: true } },
      yaxis: { type: "category", autorange: "reversed" },
    });
    Plotly.react(el, traces, layout, CONFIG);
    el.dataset.shown = String(t.shown);
    el.removeAllListeners && el.removeAllListeners("plotly_click");
    el.on("plotly_click", (ev) => {
      const p = ev.points[0];
      if (typeof p.customdata === "number") {
        htmx.ajax("GET", `/runs/${encodeURIComponent(el.dataset.run)}/events/${p.customdata}`, "#detail");
      } else if (p.customdata) {
        window.location = `/runs/${encodeURIComponent(el.dataset.run)}/missions/${encodeURIComponent(p.customdata)}`;
      }
    });
  }).catch((err) => say(document.getElementById("detail"), err.message));
}

// --- an agency, a base --------------------------------------------------------------------
function drawAgency(el) {
  getJSON(el.dataset.src).then((s) => {
    const traces = [{ x: s.year, y: s.budget_musd, name: "budget, M$", type: "scatter" }];
    if (s.prestige) traces.push({ x: s.year, y: s.prestige, name: "prestige", yaxis: "y2" });
    if (s.support) traces.push({ x: s.year, y: s.support, name: "support", yaxis: "y2" });
    Plotly.newPlot(el, traces, Object.assign({}, LAYOUT, {
      title: { text: `Budget${s.prestige ? ", prestige and support" : ""} (${s.source})` },
      yaxis: { title: { text: "M$ then-year" } },
      yaxis2: { overlaying: "y", side: "right", title: { text: "index" } },
    }), CONFIG);
  });
}

function drawBase(el) {
  getJSON(el.dataset.src).then((s) => {
    const pop = Object.entries(s.population).map(([name, ys]) => ({
      x: s.date, y: ys, name, type: "scatter", stackgroup: "people",
    }));
    Plotly.newPlot(el, pop, Object.assign({}, LAYOUT, { title: { text: "Residents by employer" } }), CONFIG);
    const stocks = Object.entries(s.stocks_kg).map(([name, ys]) => ({ x: s.date, y: ys, name }));
    Plotly.newPlot("base-stocks", stocks, Object.assign({}, LAYOUT, {
      title: { text: "Stocks, kg" }, yaxis: { type: "log" },
    }), CONFIG);
    Plotly.newPlot("base-tension", [
      { x: s.date, y: s.tension, name: "tension (0-1)" },
      { x: s.date, y: s.reserve_days, name: "reserve, days", yaxis: "y2" },
    ], Object.assign({}, LAYOUT, {
      title: { text: "Tension and reserve" },
      yaxis2: { overlaying: "y", side: "right", type: "log" },
    }), CONFIG);
  });
}

// --- an ensemble ----------------------------------------------------------------------------
function drawEnsemble() {
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const agencies = [...new Set(data.milestones.flatMap((m) => m.first.map((f) => f.agency)))];
  const shares = agencies.map((a) => {
    const rows = data.milestones.map((m) => m.first.find((f) => f.agency === a) || null);
    return {
      type: "bar", name: a, x: data.milestones.map((m) => m.milestone),
      marker: { color: (data.colours || {})[a] },
      y: rows.map((f) => (f ? f.share : 0)),
      error_y: {
        type: "data", symmetric: false,
        array: rows.map((f) => (f ? f.ci95[1] - f.share : 0)),
        arrayminus: rows.map((f) => (f ? f.share - f.ci95[0] : 0)),
      },
      hovertemplate: `${a}: %{y:.1%}<extra>%{x}</extra>`,
    };
  });
  Plotly.newPlot("shares-chart", shares, Object.assign({}, LAYOUT, {
    barmode: "group", title: { text: `Who is first (share of ${data.runs} timelines, 95 % Wilson interval)` },
    yaxis: { tickformat: ".0%", range: [0, 1] },
  }), CONFIG);
  const boxes = [];
  for (const [milestone, byAgency] of Object.entries(data.years)) {
    for (const [agency, years] of Object.entries(byAgency)) {
      boxes.push({ type: "box", name: `${milestone} · ${agency}`, x: years, boxpoints: "all", orientation: "h" });
    }
  }
  Plotly.newPlot("years-chart", boxes, Object.assign({}, LAYOUT, {
    title: { text: data.align ? `When: years after the first ${data.align}, per timeline (${data.aligned_runs} timelines)` : "When: the year of each first, per timeline" },
    showlegend: false,
    margin: { l: 240, r: 20, t: 40, b: 40 },
  }), CONFIG);
}

// --- the porkchop explorer ------------------------------------------------------------------
function drawPorkchop(form) {
  const status = document.getElementById("porkchop-status");
  const params = new URLSearchParams(new FormData(form));
  say(status, "computing on the server…");
  getJSON(`/api/porkchop?${params}`).then((g) => {
    const custom = g.c3_km2_s2.map((row, j) => row.map((_, i) => [g.dv_total_km_s[j][i], g.vinf_arrive_km_s[j][i]]));
    const c3 = g.c3_km2_s2.map((row) => row.map((v) => (v === null ? null : Math.min(v, 100))));
    const trace = {
      type: "contour", x: g.depart, y: g.tof_days, z: c3, customdata: custom,
      colorscale: "Viridis", reversescale: true, contours: { coloring: "heatmap" },
      colorbar: { title: { text: "C3 km²/s²" } },
      hovertemplate: "depart %{x}<br>flight %{y:.0f} days<br>C3 %{z:.2f} km²/s²" +
        "<br>Δv total %{customdata[0]:.3f} km/s<br>v∞ arrive %{customdata[1]:.3f} km/s<extra></extra>",
    };
    const best = {
      type: "scatter", mode: "markers", x: g.windows.map((w) => w.depart.slice(0, 10)),
      y: g.windows.map((w) => w.tof_days), marker: { color: "red", size: 10, symbol: "x" },
      name: "best", hoverinfo: "skip",
    };
    Plotly.react("porkchop", [trace, best], Object.assign({}, LAYOUT, {
      title: { text: `${g.origin} → ${g.target} (DE421; C3 capped at 100 in the colours)` },
      xaxis: { title: { text: "departure" } }, yaxis: { title: { text: "time of flight, days" } },
      showlegend: false, height: 520,
    }), CONFIG);
    const el = document.getElementById("porkchop");
    el.removeAllListeners && el.removeAllListeners("plotly_click");
    el.on("plotly_click", (ev) => {
      const p = ev.points[0];
      if (p.z === undefined || p.z === null) return;
      const d = p.customdata || [null, null];
      say(document.getElementById("transfer"),
        `Transfer: depart ${p.x}, ${Math.round(p.y)} days of flight, C3 ${Number(p.z).toFixed(2)} km²/s², ` +
        `Δv total ${d[0] === null ? "n/a" : d[0].toFixed(3)} km/s, arrival v∞ ${d[1] === null ? "n/a" : d[1].toFixed(3)} km/s`);
    });
    const table = document.getElementById("windows");
    table.replaceChildren();
    const head = table.insertRow();
    for (const h of ["depart", "arrive", "days", "C3 km²/s²", "v∞ out", "v∞ in", "Δv total km/s"]) {
      const th = document.createElement("th");
      th.textContent = h;
      head.appendChild(th);
    }
    for (const w of g.windows) {
      const row = table.insertRow();
      for (const v of [w.depart.slice(0, 10), w.arrive.slice(0, 10), w.tof_days, w.c3_km2_s2,
        w.vinf_depart_km_s, w.vinf_arrive_km_s, w.dv_total_km_s]) row.insertCell().textContent = v;
    }
    say(status, `${g.depart.length} × ${g.tof_days.length} grid, ${(100 * g.converged_share).toFixed(1)} % converged` +
      (g.windows_inside_range ? "" : "; the best window lies outside the range"));
  }).catch((err) => say(status, err.message));
}

// --- ensemble progress (Server-Sent Events) -------------------------------------------------
function follow(el) {
  if (el.dataset.following) return;
  el.dataset.following = "1";
  const bar = el.querySelector("progress");
  const state = el.querySelector(".state");
  const result = el.querySelector(".result");
  const source = new EventSource(el.dataset.sse);
  const show = (s) => {
    bar.max = Math.max(1, s.todo);
    bar.value = s.played;
    say(state, `${s.status}: ${s.played} of ${s.todo} played` +
      (s.stored_before ? `, ${s.stored_before} already stored` : "") + `, ${s.elapsed_s} s`);
  };
  source.addEventListener("progress", (ev) => show(JSON.parse(ev.data)));
  source.addEventListener("done", (ev) => {
    const s = JSON.parse(ev.data);
    show(s);
    source.close();
    if (s.status === "done") {
      bar.value = bar.max;
      const a = document.createElement("a");
      a.href = `/ensembles/${encodeURIComponent(s.ensemble_id)}`;
      a.textContent = "see who is first";
      a.className = "done-link";
      result.replaceChildren(a);
    } else {
      say(result, s.message);
    }
  });
}

/* A play turn: the engine runs while the form posts (a replay of the history); show it, and
   refuse a second submit of the same turn (the server would answer 409). */
function busyOnSubmit(form) {
  form.addEventListener("submit", (ev) => {
    if (form.dataset.busy) {
      ev.preventDefault();
      return;
    }
    form.dataset.busy = "1";
    form.querySelectorAll(".spinner").forEach((s) => { s.hidden = false; s.style.display = "inline"; });
  });
}

function wire(root) {
  root.querySelectorAll("[data-sse]").forEach(follow);
}

document.addEventListener("DOMContentLoaded", () => {
  const timeline = document.getElementById("timeline");
  if (timeline) {
    drawTimeline(timeline);
    document.getElementById("all-events").addEventListener("change", () => drawTimeline(timeline));
  }
  const agency = document.getElementById("agency-chart");
  if (agency) drawAgency(agency);
  const base = document.getElementById("base-population");
  if (base) drawBase(base);
  if (document.getElementById("chart-data")) drawEnsemble();
  const form = document.getElementById("porkchop-form");
  if (form) {
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      drawPorkchop(form);
    });
    drawPorkchop(form);
  }
  document.querySelectorAll("form.turn-form").forEach(busyOnSubmit);
  wire(document);
  document.body.addEventListener("htmx:afterSwap", (ev) => wire(ev.detail.target));
});
