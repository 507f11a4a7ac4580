// factcheck's editor page.  No framework, nothing fetched from elsewhere.
// Every piece of text from the draft or the server goes into the page through text nodes
// (el() below); innerHTML is never used.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const state = { report: null, facts: null, byClaim: new Map(), marks: new Map(), open: null, pinned: false };
  const SEVERITY = { error: 3, warning: 2, info: 1 };
  const VERDICT = { fact: "inconsistent with a known fact", relation: "does not add up",
                    "cross-article": "disagrees with other articles" };

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key.startsWith("data-") || key.startsWith("aria-") || key === "role" || key === "tabindex") {
        node.setAttribute(key, String(value));
      } else node[key] = value;
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function num(x) {
    if (x === null || x === undefined) return "∞";
    return Number(x).toLocaleString("en-US", { maximumFractionDigits: 3 });
  }

  function interval(low, high) {
    if (low === high) return num(low);
    if (low === null) return "at most " + num(high);
    if (high === null) return "at least " + num(low);
    return num(low) + " – " + num(high);
  }

  function tolerance(t) {
    if (!t || typeof t !== "object") return "";
    const parts = [];
    if (t.relative) parts.push("±" + num(t.relative * 100) + "%");
    if (t.absolute) parts.push("±" + num(t.absolute));
    return parts.length ? ", tolerance " + parts.join(" or ") : "";
  }

  // Markdown and HTML drafts are shown as prose: soft line breaks become spaces (same length,
  // so offsets hold), and the blanks left where markup was are squeezed between highlights.
  function prose(text, format) {
    return format === "txt" ? text : text.replace(/([^\n])\n(?=[^\n])/g, "$1 ");
  }

  // The API counts code points; JavaScript strings count UTF-16 units.
  function unitOffsets(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return null;
    const units = [];
    let u = 0;
    for (const ch of text) { units.push(u); u += ch.length; }
    units.push(u);
    return units;
  }

  function squeeze(segment, format, first) {
    if (format === "txt") return segment;
    let s = segment.replace(/[ \t]+/g, " ").replace(/ ?\n ?/g, "\n").replace(/\n{3,}/g, "\n\n");
    return first ? s.replace(/^\s+/, "") : s;
  }

  function today() {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function setStatus(text, isError) {
    const s = $("status");
    s.textContent = text;
    s.classList.toggle("error", Boolean(isError));
    s.setAttribute("role", isError ? "alert" : "status");
  }

  // ---- facts ---------------------------------------------------------------------------

  function factById(id) {
    return (state.facts && state.facts.facts || []).find((f) => f.id === id) || null;
  }

  function periodOn(fact, date) {
    let best = null;
    for (const p of fact.timeline || []) {
      if (!p.start || !date || p.start <= date) {
        if (!best || (p.start || "") >= (best.start || "")) best = p;
      }
    }
    return best;
  }

  async function loadFacts() {
    try {
      const res = await fetch("/api/facts", { headers: { Accept: "application/json" } });
      state.facts = await res.json();
      if (!res.ok) throw new Error(state.facts.error || res.statusText);
      renderFacts();
    } catch (err) {
      $("facts-status").textContent = "Could not load the facts: " + err.message;
    }
  }

  function chartUrl(fact) {
    let url = fact.chart;
    const marks = draftMarks(fact.id);
    if (marks.length) url += "?" + marks.map((m) => "mark=" + encodeURIComponent(m)).join("&");
    return url;
  }

  function draftMarks(factId) {
    const r = state.report;
    if (!r) return [];
    const out = [];
    r.claims.forEach((c, i) => {
      const doc = r.documents[(r.view.claims[i] || {}).document || 0] || {};
      const date = doc.date || $("date").value;
      if (c.fact === factId && c.value !== null && date) out.push(c.value + "@" + date);
    });
    return out.slice(0, 20);
  }

  function renderFacts() {
    const data = state.facts;
    if (!data) return;
    const box = $("facts");
    box.replaceChildren();
    $("facts-status").textContent = data.facts.length
      ? data.facts.length + " facts and " + data.relations.length + " relations loaded from " + (data.rules.join(", ") || "—")
      : "No facts loaded: start the server with --rules FILE.";
    for (const fact of data.facts) {
      const cur = fact.current;
      const rows = (fact.timeline || []).map((p) => el("tr", {},
        el("td", {}, p.start || "—"), el("td", {}, num(p.value)),
        el("td", {}, p.low !== undefined ? interval(p.low, p.high) : ""), el("td", {}, p.source || "")));
      box.append(el("article", { class: "fact", id: "fact-" + fact.id },
        el("h3", {}, fact.label || fact.id, " ", el("code", {}, fact.id)),
        el("p", { class: "meta" },
          "severity ", fact.severity || "—",
          fact.unit ? ", unit " + fact.unit : "",
          cur ? "; now " + num(cur.value) + (cur.as_of ? " since " + cur.as_of : "") : "",
          fact.source ? "; source: " + fact.source : ""),
        rows.length ? el("table", {},
          el("caption", {}, "Timeline of " + fact.id),
          el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "from"), el("th", { scope: "col" }, "value"),
            el("th", { scope: "col" }, "accepted"), el("th", { scope: "col" }, "source"))),
          el("tbody", {}, rows)) : null,
        fact.chart ? el("img", { class: "chart", src: chartUrl(fact), alt: "Chart of " + fact.id + " over time",
                                 loading: "lazy" }) : null));
    }
    const rel = $("relations");
    rel.replaceChildren();
    for (const r of data.relations) {
      rel.append(el("li", {}, el("code", {}, r.id), " ", el("span", { class: "check" }, r.check),
        r.message ? " — " + r.message : "", " (" + (r.severity || "") + ")"));
    }
  }

  // ---- checking -------------------------------------------------------------------------

  function formatOf(path) {
    const ext = ((path || "").match(/\.([^.#]+)(?:#.*)?$/) || [])[1] || "";
    return { md: "md", markdown: "md", html: "html", htm: "html", jsonl: "txt" }[ext.toLowerCase()] || "txt";
  }

  function filename() {
    const base = state.filename || "draft";
    return base.replace(/\.[^.]*$/, "") + "." + $("format").value;
  }

  async function check(event) {
    event.preventDefault();
    const text = $("draft").value;
    if (!text.trim()) { setStatus("Paste a draft or drop a file first.", true); return; }
    const body = { text: text, filename: filename() };
    if ($("date").value) body.date = $("date").value;
    setStatus("Checking…");
    $("check").disabled = true;
    const t0 = performance.now();
    try {
      const res = await fetch("/api/check", {
        method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body) });
      let data;
      try { data = await res.json(); } catch (e) { data = { error: res.status + " " + res.statusText }; }
      if (!res.ok) throw new Error(data.error || res.statusText);
      state.report = data;
      render(data);
      const ms = Math.round(performance.now() - t0);
      document.body.dataset.checkMs = String(ms);
      const cmp = comparedText(data);
      setStatus("Checked in " + ms + " ms. " + cmp.text, cmp.warn);
      collapseEditor(true);
      renderFacts();
    } catch (err) {
      setStatus("Could not check the draft: " + err.message, true);
    } finally {
      $("check").disabled = false;
    }
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  function comparedText(data) {
    const c = data.compared || {};
    const when = c.date ? " of " + c.date : "";
    const notes = (data.notes || []).join(" ");
    if (!c.others) return { text: ("Checked against the rules only (no other articles loaded). " + notes).trim(), warn: !!notes };
    if (!c.articles) {
      return { text: ("Nothing to compare with: no other article within " + plural(c.window_days, "day") + when +
                      " gives any of these figures. " + notes).trim(), warn: true };
    }
    return { text: ("Compared with " + plural(c.articles, "other article") + " (" + plural(c.figures, "figure") +
                    ") within " + plural(c.window_days, "day") + when + ". " + notes).trim(), warn: !!notes };
  }

  function collapseEditor(collapsed) {
    $("editor-body").hidden = collapsed;
    $("edit").hidden = !collapsed;
    if (!collapsed) $("draft").focus();
  }

  function worst(findings) {
    return findings.reduce((a, f) => (SEVERITY[f.severity] > SEVERITY[a] ? f.severity : a), "info");
  }

  function claimClass(i) {
    const fs = state.byClaim.get(i) || [];
    if (fs.length) return "sev-" + worst(fs.map((n) => state.report.findings[n]));
    return state.report.claims[i].fact ? "ok" : "neutral";
  }

  function claimLabel(i) {
    const c = state.report.claims[i];
    const fs = (state.byClaim.get(i) || []).map((n) => state.report.findings[n]);
    if (fs.length) return c.text + ": " + fs.map((f) => VERDICT[f.kind] + " (" + f.severity + ")").join("; ");
    if (c.fact) return c.text + ": agrees with " + c.fact;
    return c.text + ": not about any known fact";
  }

  function render(report) {
    closeDetails();
    state.byClaim = new Map();
    state.marks = new Map();
    report.view.findings.forEach((spot, n) => {
      if (spot.claim === null || spot.claim === undefined) return;
      if (!state.byClaim.has(spot.claim)) state.byClaim.set(spot.claim, []);
      state.byClaim.get(spot.claim).push(n);
    });
    const article = $("article");
    article.replaceChildren();
    report.view.documents.forEach((doc, d) => {
      const units = unitOffsets(doc.text);
      const spans = report.view.claims.map((s, i) => ({ ...s, i })).filter((s) => s.document === d)
        .map((s) => (units ? { ...s, start: units[s.start], end: units[s.end] } : s))
        .sort((a, b) => a.start - b.start);
      const pre = el("div", { class: "text" });
      const format = formatOf(doc.path);
      const text = prose(doc.text, format);
      let pos = 0;
      for (const s of spans) {
        if (s.start < pos) continue;
        pre.append(squeeze(text.slice(pos, s.start), format, pos === 0));
        const mark = el("mark", { class: "claim " + claimClass(s.i), tabindex: 0, role: "button",
          "aria-haspopup": "dialog", "aria-expanded": "false", "aria-label": claimLabel(s.i),
          "data-claim": s.i }, doc.text.slice(s.start, s.end));
        state.marks.set(s.i, mark);
        pre.append(mark);
        pos = s.end;
      }
      pre.append(squeeze(text.slice(pos), format, pos === 0));
      const head = report.view.documents.length > 1 ? el("h3", {}, doc.path) : null;
      article.append(el("section", { class: "doc" }, head, pre));
    });
    renderSummary(report);
    renderFindings(report);
    $("results").hidden = false;
  }

  function renderSummary(report) {
    const n = report.findings.length;
    const m = report.claims.length;
    const k = new Set(report.claims.filter((c) => c.fact).map((c) => c.fact)).size;
    const parts = [n + (n === 1 ? " inconsistency" : " inconsistencies"), m + (m === 1 ? " claim" : " claims"),
                   k + (k === 1 ? " matched fact" : " matched facts")];
    const s = $("summary");
    s.replaceChildren(el("strong", { class: n ? "bad" : "good" }, parts[0]), ", " + parts[1] + ", " + parts[2]);
    if (report.errors && report.errors.length) s.append("; " + report.errors.join("; "));
  }

  function renderFindings(report) {
    const list = $("findings");
    list.replaceChildren();
    const order = report.findings.map((f, n) => ({ f, n, spot: report.view.findings[n] }))
      .sort((a, b) => ((a.spot.document || 0) - (b.spot.document || 0)) ||
        ((a.spot.start ?? 1e15) - (b.spot.start ?? 1e15)) || (a.f.line - b.f.line) || (a.f.column - b.f.column));
    if (!order.length) list.append(el("li", { class: "empty" }, "No inconsistencies found."));
    for (const { f, n, spot } of order) {
      const button = el("button", { type: "button", class: "finding sev-" + f.severity, "data-finding": n },
        el("span", { class: "badge" }, f.severity), " ",
        el("span", { class: "where" }, f.line + ":" + f.column), " ",
        el("strong", {}, f.text), " ",
        el("span", { class: "kind" }, VERDICT[f.kind] || f.kind),
        el("span", { class: "msg" }, f.message));
      button.addEventListener("click", () => {
        const mark = state.marks.get(spot.claim);
        if (!mark) return;
        mark.scrollIntoView({ block: "center", behavior: "smooth" });
        mark.focus({ preventScroll: true });
        openDetails(spot.claim, mark, true);
      });
      list.append(el("li", {}, button));
    }
  }

  // ---- details ----------------------------------------------------------------------------

  function row(dl, term, ...value) {
    dl.append(el("dt", {}, term), el("dd", {}, ...value));
  }

  function findingBlock(f) {
    const dl = el("dl", {});
    row(dl, "verdict", (VERDICT[f.kind] || f.kind) + " (" + f.severity + ")");
    if (f.fact) row(dl, "fact", el("code", {}, f.fact), factById(f.fact) ? " " + factById(f.fact).label : "");
    if (f.relation) row(dl, "relation", el("code", {}, f.relation));
    if (f.expected) {
      const e = f.expected;
      row(dl, "expected", num(e.value) + (e.low !== e.high ? " (accepted " + interval(e.low, e.high) + ")" : ""));
      const fact = factById(f.fact);
      const p = fact ? (fact.timeline || []).find((t) => t.start === e.as_of) : null;
      row(dl, "timeline entry", (e.as_of ? "since " + e.as_of : "the fact's figure") + ": " + num(e.value) +
        (p ? tolerance(p.tolerance) : "") +
        (p && p.source ? " — " + p.source : ""));
    }
    if (f.source) row(dl, "source", f.source);
    row(dl, "why", f.message);
    const block = el("div", { class: "finding-detail sev-" + f.severity }, dl);
    if (f.related && f.related.length) {
      block.append(el("p", { class: "label" }, f.kind === "cross-article" ? "Other articles" : "Related claims"),
        el("ul", { class: "related" }, f.related.map((r) => el("li", {},
          el("span", { class: "date" }, r.date || "undated"), " ", el("strong", {}, num(r.value)), " — ",
          r.text, " ", el("span", { class: "where" }, "(" + r.path + ":" + r.line + ")")))));
      if (f.agree) block.append(el("p", {}, f.agree + " other claim(s) agree with this one."));
    }
    return block;
  }

  function openDetails(i, mark, pin) {
    const r = state.report;
    const c = r.claims[i];
    const fs = (state.byClaim.get(i) || []).map((n) => r.findings[n]);
    const body = $("details-body");
    const dl = el("dl", {});
    row(dl, "claim", el("strong", {}, c.text) , " — value " + num(c.value) + ", interval " + interval(c.low, c.high) +
      (c.qualifier && c.qualifier !== "exact" ? " (" + c.qualifier + ")" : "") + (c.unit ? ", " + c.unit : "") +
      (c.noun ? ", " + c.noun : ""));
    const parts = [el("h2", { id: "details-title" }, claimLabel(i)), dl];
    if (!fs.length && c.fact) {
      const fact = factById(c.fact);
      const date = (r.documents[0] || {}).date || $("date").value;
      const p = fact ? periodOn(fact, date) : null;
      const ok = el("dl", {});
      row(ok, "fact", el("code", {}, c.fact), fact ? " " + fact.label : "");
      if (p) {
        row(ok, "expected", num(p.value) + (p.low !== undefined && p.low !== p.high ? " (accepted " + interval(p.low, p.high) + ")" : ""));
        row(ok, "timeline entry", (p.start ? "since " + p.start : "the fact's figure") + (p.source ? " — " + p.source : ""));
      }
      if (fact && fact.source) row(ok, "source", fact.source);
      parts.push(el("div", { class: "finding-detail ok" }, ok));
    } else if (!fs.length) {
      parts.push(el("p", {}, "This number is not about any fact in the loaded rules."));
    }
    for (const f of fs) parts.push(findingBlock(f));
    const fact = c.fact ? factById(c.fact) : null;
    if (fact && fact.chart) parts.push(el("img", { class: "chart small", src: chartUrl(fact), alt: "Chart of " + fact.id + " with this draft's claims" }));
    body.replaceChildren(...parts);
    if (state.open && state.open !== mark) state.open.setAttribute("aria-expanded", "false");
    state.open = mark;
    state.pinned = Boolean(pin) || state.pinned && state.open === mark;
    mark.setAttribute("aria-expanded", "true");
    mark.setAttribute("aria-describedby", "details");
    const box = $("details");
    box.hidden = false;
    box.classList.toggle("pinned", state.pinned);
    place(box, mark);
  }

  function place(box, mark) {
    if (window.innerWidth < 761) {
      box.style.left = "";
      box.style.top = "";
      const rect = mark.getBoundingClientRect();
      if (rect.bottom > window.innerHeight - box.offsetHeight - 8 || rect.top < 0) {
        window.scrollBy({ top: rect.top - window.innerHeight * 0.2 });
      }
      return;
    }
    const rect = mark.getBoundingClientRect();
    const width = box.offsetWidth;
    const left = Math.min(Math.max(8, rect.left + window.scrollX), window.scrollX + window.innerWidth - width - 16);
    box.style.left = left + "px";
    box.style.top = (rect.bottom + window.scrollY + 6) + "px";
  }

  function closeDetails(refocus) {
    const box = $("details");
    box.hidden = true;
    const mark = state.open;
    if (mark) {
      mark.setAttribute("aria-expanded", "false");
      mark.removeAttribute("aria-describedby");
      if (refocus) { state.quiet = true; mark.focus(); state.quiet = false; }
    }
    state.open = null;
    state.pinned = false;
  }

  function markOf(target) {
    return target instanceof Element ? target.closest("mark.claim") : null;
  }

  // ---- input -------------------------------------------------------------------------------

  async function readFile(file) {
    const ext = (file.name.match(/\.([^.]+)$/) || [])[1];
    const format = { md: "md", markdown: "md", html: "html", htm: "html", txt: "txt" }[(ext || "").toLowerCase()];
    if (!format) { setStatus("Unsupported file " + file.name + ": use .md, .html or .txt.", true); return; }
    $("draft").value = await file.text();
    $("format").value = format;
    state.filename = file.name;
    setStatus("Loaded " + file.name + ".");
  }

  async function loadSample() {
    const res = await fetch("/static/sample-draft.md");
    $("draft").value = await res.text();
    $("format").value = "md";
    state.filename = "sample-draft.md";
    $("date").value = "2025-03-12";
    setStatus("Sample loaded: press Check.");
  }

  function showView(name) {
    const facts = name === "facts";
    $("facts-view").hidden = !facts;
    $("draft-view").hidden = facts;
    $("tab-facts").setAttribute("aria-pressed", String(facts));
    $("tab-draft").setAttribute("aria-pressed", String(!facts));
    closeDetails();
  }

  function init() {
    $("date").value = today();
    $("check-form").addEventListener("submit", check);
    $("sample").addEventListener("click", loadSample);
    $("edit").addEventListener("click", () => collapseEditor(false));
    $("file").addEventListener("change", (e) => { if (e.target.files[0]) readFile(e.target.files[0]); });
    $("tab-draft").addEventListener("click", () => showView("draft"));
    $("tab-facts").addEventListener("click", () => showView("facts"));
    $("details-close").addEventListener("click", () => closeDetails(true));
    const area = $("draft");
    area.addEventListener("dragover", (e) => { e.preventDefault(); area.classList.add("drop"); });
    area.addEventListener("dragleave", () => area.classList.remove("drop"));
    area.addEventListener("drop", (e) => {
      e.preventDefault();
      area.classList.remove("drop");
      if (e.dataTransfer.files[0]) readFile(e.dataTransfer.files[0]);
    });
    const article = $("article");
    article.addEventListener("click", (e) => {
      const mark = markOf(e.target);
      if (mark) openDetails(Number(mark.dataset.claim), mark, true);
    });
    article.addEventListener("keydown", (e) => {
      const mark = markOf(e.target);
      if (mark && (e.key === "Enter" || e.key === " ")) {
        e.preventDefault();
        openDetails(Number(mark.dataset.claim), mark, true);
      }
    });
    article.addEventListener("focusin", (e) => {
      const mark = markOf(e.target);
      if (mark && !state.quiet && !(state.pinned && state.open === mark)) openDetails(Number(mark.dataset.claim), mark, false);
    });
    const canHover = window.matchMedia("(hover: hover) and (min-width: 761px)");
    article.addEventListener("mouseover", (e) => {
      const mark = markOf(e.target);
      if (mark && canHover.matches && !state.pinned) openDetails(Number(mark.dataset.claim), mark, false);
    });
    article.addEventListener("mouseout", (e) => {
      if (markOf(e.target) && !state.pinned && document.activeElement !== state.open &&
          !$("details").contains(e.relatedTarget)) closeDetails();
    });
    article.addEventListener("focusout", (e) => {
      if (markOf(e.target) && !state.pinned && !$("details").contains(e.relatedTarget)) closeDetails();
    });
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !$("details").hidden) { e.preventDefault(); closeDetails(true); }
    });
    document.addEventListener("click", (e) => {
      if (state.pinned && !$("details").contains(e.target) && !markOf(e.target) && !e.target.closest(".finding")) closeDetails();
    });
    window.addEventListener("resize", () => { if (state.open) place($("details"), state.open); });
    loadFacts();
  }

  document.addEventListener("DOMContentLoaded", init);
})();
