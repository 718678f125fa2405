// nsnet serve's page: the drawing (SVG laid out by the server with Eclipse ELK), the console,
// the device view and the packet path. Talks to the JSON API of docs/web.md only.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { scale: 1, baseW: 0, baseH: 0, trace: null, pos: 0, timer: null, selected: null,
                history: [], hpos: 0 };

async function api(path, opts) {
  const r = await fetch(path, opts);
  const type = r.headers.get("Content-Type") || "";
  const body = type.startsWith("application/json") ? await r.json() : await r.text();
  if (!r.ok) throw new Error(body && body.error ? body.error : ("HTTP " + r.status));
  return body;
}

// ------------------------------------------------------------------ drawing

async function loadDrawing() {
  const svg = await api("/api/export.svg");
  const holder = $("drawing");
  holder.innerHTML = svg;
  const el = holder.querySelector("svg");
  state.baseW = +el.getAttribute("width");
  state.baseH = +el.getAttribute("height");
  applyScale();
  for (const g of el.querySelectorAll("g.dev")) {
    g.classList.remove("hot", "current");
    g.addEventListener("click", () => showDevice(g.getAttribute("data-id")));
  }
  for (const p of el.querySelectorAll("polyline.hot")) p.classList.remove("hot");
  if (state.selected) {
    const g = el.querySelector(`g.dev[data-id="${CSS.escape(state.selected)}"]`);
    if (g) g.classList.add("selected"); else state.selected = null;
  }
  const w = await api("/api/world");
  $("clock").textContent = "t=" + (w.timeNs / 1e9).toFixed(6) + "s";
  paintPath();
}

function applyScale() {
  const el = $("drawing").querySelector("svg");
  if (!el) return;
  el.setAttribute("width", Math.round(state.baseW * state.scale));
  el.setAttribute("height", Math.round(state.baseH * state.scale));
}

function zoom(f) {
  if (f === 0) {
    const pane = $("drawing-pane");
    state.scale = Math.min(1.5, Math.max(0.1, Math.min((pane.clientWidth - 16) / state.baseW,
                                                        (pane.clientHeight - 16) / state.baseH)));
  } else {
    state.scale = Math.min(4, Math.max(0.1, state.scale * f));
  }
  applyScale();
}

// ------------------------------------------------------------------ device view

async function showDevice(id) {
  state.selected = id;
  for (const g of document.querySelectorAll("#drawing g.dev.selected")) g.classList.remove("selected");
  const g = document.querySelector(`#drawing g.dev[data-id="${CSS.escape(id)}"]`);
  if (g) g.classList.add("selected");
  const [host, ns, dev] = id.substring(2).split("/");
  try {
    const d = await api("/api/device/" + [host, ns, dev].map(encodeURIComponent).join("/"));
    $("dev-name").textContent = dev + " (" + host + ", " + (ns === "root" ? "root netns" : "netns " + ns) + ")";
    $("dev-link").textContent = "# ip -d -s link show dev " + dev + "\n" + d.link;
    $("dev-addr").textContent = "# ip addr show dev " + dev + "\n" + d.addr;
  } catch (e) {
    $("dev-name").textContent = dev;
    $("dev-link").textContent = e.message;
    $("dev-addr").textContent = "";
  }
}

// ------------------------------------------------------------------ packet path

function setTrace(t) {
  stop();
  state.trace = t;
  state.pos = 0;
  $("trace-cmd").textContent = "— " + t.cmd;
  const a = $("export-trace");
  a.href = "/api/trace/" + t.id + ".json";
  a.classList.remove("disabled");
  const rows = [];
  let last = null;
  t.steps.forEach((s, i) => {
    const head = s.packet + " " + s.summary;
    if (head !== last) {
      rows.push(`<tr class="pkt"><td colspan="5">[${s.time}] #${esc(head)}</td></tr>`);
      last = head;
    }
    const where = s.host === "(wire)" ? "(wire)" : (s.netns === "root" ? s.host : s.host + "/" + s.netns);
    const detail = s.drop ? "DROP " + s.drop + (s.detail ? ": " + s.detail : "") : s.detail;
    rows.push(`<tr class="step${s.drop ? " drop" : ""}" data-i="${i}"><td>${esc(where)}</td><td>${esc(s.dev)}</td>` +
              `<td>${esc(s.func)}</td><td class="detail">${esc(detail)}</td></tr>`);
  });
  $("t-steps").innerHTML = "<table>" + rows.join("") + "</table>";
  for (const tr of $("t-steps").querySelectorAll("tr.step")) {
    tr.addEventListener("click", () => { stop(); goTo(+tr.getAttribute("data-i") + 1); });
  }
  goTo(0);
}

function goTo(pos) {
  if (!state.trace) return;
  state.pos = Math.max(0, Math.min(pos, state.trace.steps.length));
  $("t-pos").textContent = "step " + state.pos + " / " + state.trace.steps.length;
  for (const tr of $("t-steps").querySelectorAll("tr.step")) {
    const i = +tr.getAttribute("data-i");
    tr.classList.toggle("done", i < state.pos);
    tr.classList.toggle("todo", i >= state.pos);
    tr.classList.toggle("current", i === state.pos - 1);
  }
  const cur = $("t-steps").querySelector("tr.current");
  if (cur) cur.scrollIntoView({ block: "nearest" });
  paintPath();
  $("export-svg").href = "/api/export.svg?download=1&trace=" + state.trace.id + "&step=" + state.pos;
  $("export-png").href = "/api/export.png?download=1&trace=" + state.trace.id + "&step=" + state.pos;
}

// The same rule as the server's TraceRecorder.highlight: devices passed, wires between two
// places a packet passed one after the other, and hops through a namespace's IP stack.
function paintPath() {
  const svg = $("drawing").querySelector("svg");
  if (!svg) return;
  for (const e of svg.querySelectorAll(".hot, .current, .dropped")) e.classList.remove("hot", "current", "dropped");
  for (const m of svg.querySelectorAll("text.drop-mark")) m.setAttribute("display", "none");
  const hops = svg.querySelector("#hops");
  if (hops) hops.innerHTML = "";
  if (!state.trace) return;
  const byEnds = {};
  for (const p of svg.querySelectorAll("polyline.wire")) {
    const a = p.getAttribute("data-a"), b = p.getAttribute("data-b");
    (byEnds[a + "|" + b] = byEnds[a + "|" + b] || []).push(p);
    (byEnds[b + "|" + a] = byEnds[b + "|" + a] || []).push(p);
  }
  const lastOf = {};
  let current = null;
  const ns = (id) => id.substring(0, id.lastIndexOf("/"));
  for (let i = 0; i < state.pos; i++) {
    const s = state.trace.steps[i];
    if (!s.node) continue;
    const g = svg.querySelector(`g.dev[data-id="${CSS.escape(s.node)}"]`);
    if (g) g.classList.add("hot");
    if (g && s.drop) {
      g.classList.add("dropped");
      const m = g.querySelector("text.drop-mark");
      if (m) m.removeAttribute("display");
    }
    const prev = lastOf[s.packet];
    lastOf[s.packet] = s.node;
    let wired = false;
    for (const p of [prev, current]) {
      if (p && p !== s.node) for (const w of byEnds[p + "|" + s.node] || []) { w.classList.add("hot"); wired = true; }
    }
    if (!wired && prev && prev !== s.node && prev.startsWith("d:") && s.node.startsWith("d:") && ns(prev) === ns(s.node)) {
      hop(svg, hops, prev, s.node);
    }
    current = s.node;
  }
  if (current) {
    const g = svg.querySelector(`g.dev[data-id="${CSS.escape(current)}"]`);
    if (g) g.classList.add("current");
  }
}

function hop(svg, layer, a, b) {
  const ra = svg.querySelector(`g.dev[data-id="${CSS.escape(a)}"] rect`);
  const rb = svg.querySelector(`g.dev[data-id="${CSS.escape(b)}"] rect`);
  if (!ra || !rb || !layer) return;
  const c = (r) => [+r.getAttribute("x") + +r.getAttribute("width") / 2, +r.getAttribute("y") + +r.getAttribute("height") / 2];
  const [x1, y1] = c(ra), [x2, y2] = c(rb);
  const l = document.createElementNS("http://www.w3.org/2000/svg", "line");
  for (const [k, v] of [["x1", x1], ["y1", y1], ["x2", x2], ["y2", y2], ["stroke", "#d62728"],
                        ["stroke-width", 3], ["stroke-dasharray", "6,4"], ["class", "hop"]]) l.setAttribute(k, v);
  layer.appendChild(l);
}

function play() {
  if (!state.trace) return;
  if (state.timer) { stop(); return; }
  if (state.pos >= state.trace.steps.length) goTo(0);
  $("t-play").textContent = "pause";
  const delay = Math.max(15, Math.min(300, 8000 / state.trace.steps.length));
  state.timer = setInterval(() => {
    if (state.pos >= state.trace.steps.length) { stop(); return; }
    goTo(state.pos + 1);
  }, delay);
}

function stop() {
  if (state.timer) clearInterval(state.timer);
  state.timer = null;
  $("t-play").textContent = "play";
}

// ------------------------------------------------------------------ console

function esc(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
}

function print(prompt, r) {
  const out = $("console-out");
  let h = `<span class="cmd">${esc(prompt + r.cmd)}</span>\n` + esc(r.stdout);
  if (r.stderr) h += `<span class="err">${esc(r.stderr)}</span>`;
  if (r.status !== 0) h += `<span class="status">[exit ${r.status}]</span>\n`;
  out.insertAdjacentHTML("beforeend", h);
  out.scrollTop = out.scrollHeight;
}

async function run(cmd) {
  const prompt = $("prompt").textContent;
  $("cmd").disabled = true;
  try {
    const r = await api("/api/exec", { method: "POST", headers: { "Content-Type": "application/json" },
                                      body: JSON.stringify({ cmd }) });
    print(prompt, r);
    $("prompt").textContent = r.prompt;
    await loadDrawing();
    if (r.trace.length > 0) {
      setTrace({ id: r.traceId, cmd: r.cmd, steps: r.trace });
      play();
    }
  } catch (e) {
    $("console-out").insertAdjacentHTML("beforeend", `<span class="err">${esc("nsnet serve: " + e.message)}</span>\n`);
  } finally {
    $("cmd").disabled = false;
    $("cmd").focus();
  }
}

$("console-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const cmd = $("cmd").value;
  $("cmd").value = "";
  if (!cmd.trim()) return;
  state.history.push(cmd);
  state.hpos = state.history.length;
  run(cmd);
});

$("cmd").addEventListener("keydown", (ev) => {
  if (ev.key === "ArrowUp" && state.hpos > 0) { $("cmd").value = state.history[--state.hpos]; ev.preventDefault(); }
  if (ev.key === "ArrowDown" && state.hpos < state.history.length) {
    $("cmd").value = ++state.hpos < state.history.length ? state.history[state.hpos] : "";
    ev.preventDefault();
  }
});

$("t-first").onclick = () => { stop(); goTo(0); };
$("t-prev").onclick = () => { stop(); goTo(state.pos - 1); };
$("t-next").onclick = () => { stop(); goTo(state.pos + 1); };
$("t-last").onclick = () => { stop(); if (state.trace) goTo(state.trace.steps.length); };
$("t-play").onclick = play;
$("zoom-in").onclick = () => zoom(1.25);
$("zoom-out").onclick = () => zoom(0.8);
$("zoom-fit").onclick = () => zoom(0);
$("zoom-one").onclick = () => { state.scale = 1; applyScale(); };

(async function init() {
  const h = await api("/api/history");
  for (const r of h.history) print(r.seq === 0 ? "" : "> ", r);
  $("prompt").textContent = h.prompt;
  await loadDrawing();
  document.body.setAttribute("data-ready", "1");
})();
