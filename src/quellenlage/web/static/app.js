/* Quellenlage web page: renders a claim map (quellenlage.claim-map/1) client-side.
 *
 * Safety rule of this file: article text only ever reaches the DOM through
 * document.createTextNode / textContent / setAttribute — never innerHTML — so
 * script-laden articles stay text. The server's CSP forbids inline script anyway.
 */
"use strict";

(function () {
  // ---------------------------------------------------------------- i18n
  const I18N = {
    de: {
      tagline: "Wer behauptet was, über wen, wie sicher?",
      tab_analyze: "Artikel prüfen", tab_corpus: "Korpus", tab_api: "API",
      paste_label: "Artikel einfügen (Überschrift, Leerzeile, Text)",
      paste_placeholder: "Atom-Alarm! Hat Putin …\n\nDer US-Geheimdienst warnt …",
      file_label: "… oder Datei hochladen (.txt, .json, .html):",
      token_label: "Zugangs-Token:", analyze: "Analysieren", clear: "Leeren",
      download_json: "JSON herunterladen", download_html: "HTML herunterladen",
      article_h: "Artikel", sources_h: "Quellen", chains_h: "Quellenketten (Quelle → Kanal → Artikel)",
      scorecard_h: "Kennzahlen", verdict_h: "Überschrift – Urteil", no_headline: "(keine Überschrift)",
      footer: "Quellenlage – Analyse läuft auf diesem Server, keine externen Dienste.",
      working: "Analysiere …", done: "Fertig.", need_input: "Bitte Text einfügen oder eine Datei wählen.",
      error: "Fehler", network_error: "Server nicht erreichbar",
      form: "Form", clickbait: "Clickbait", support: "Stützung im Text", overstates: "Übertreibt",
      headline_certainty: "Sicherheit der Überschrift", evidence: "Belege",
      yes: "ja", no: "nein", score: "Wert", none: "keine",
      verdict_overstates: "Die Überschrift sagt mehr, als der Text belegt.",
      verdict_ok: "Die Überschrift übertreibt nicht.",
      certainty: "Sicherheit", attribution: "Zuschreibung", source: "Quelle", channel: "Kanal",
      kind: "Art", role: "Rolle", mentions: "Nennungen", article_node: "Artikel",
      no_sources: "Keine Quellen erkannt.", no_chains: "Keine Quellenketten erkannt.",
      why_cert: "Sicherheits-Signal", why_attr: "Zuschreibungs-Signal", why_quote_cue: "Redeeinleitung",
      why_speaker: "Sprecher", why_content: "Zitatinhalt", why_click: "Clickbait-Signal",
      why_sentence: "Satz", marks_sentence: "→ Satz gilt als",
      legend_kinds: "Quellenarten", legend_cert: "Sicherheit", legend_cues: "Signale",
      cue_cert: "Sicherheit", cue_attr: "Zuschreibung", cue_quote: "Redeeinleitung", cue_click: "Clickbait",
      claim: "Behauptung", no_claim: "keine Behauptung", subjective: "wertend", objective: "sachlich",
      via: "über", quote: "Zitat",
      corpus_h: "Korpus", corpus_sources: "Häufigste Quellen", corpus_channels: "Häufigste Kanäle",
      corpus_groups: "Behauptungsgruppen", corpus_drift: "Sicherheitsverlauf", corpus_empty: "Keine Daten.",
      corpus_error: "Korpus nicht verfügbar", count: "Anzahl", articles: "Artikel", outlets: "Medien",
      first_seen: "zuerst", name: "Name", text: "Text", show_drift: "Verlauf",
      close: "schließen", claims_n: "Behauptungen", headline: "Überschrift",
      corpus_hardened: "Sicherer geworden (Drift)",
    },
    en: {
      tagline: "Who claims what, through whom, how sure?",
      tab_analyze: "Check article", tab_corpus: "Corpus", tab_api: "API",
      paste_label: "Paste an article (headline, blank line, text)",
      paste_placeholder: "Atom-Alarm! Hat Putin …\n\nDer US-Geheimdienst warnt …",
      file_label: "… or upload a file (.txt, .json, .html):",
      token_label: "Access token:", analyze: "Analyse", clear: "Clear",
      download_json: "Download JSON", download_html: "Download HTML",
      article_h: "Article", sources_h: "Sources", chains_h: "Source chains (source → channel → article)",
      scorecard_h: "Scorecard", verdict_h: "Headline verdict", no_headline: "(no headline)",
      footer: "Quellenlage – analysis runs on this server, no external services.",
      working: "Analysing …", done: "Done.", need_input: "Please paste text or choose a file.",
      error: "Error", network_error: "Server not reachable",
      form: "Form", clickbait: "Clickbait", support: "Support in the body", overstates: "Overstates",
      headline_certainty: "Headline certainty", evidence: "Evidence",
      yes: "yes", no: "no", score: "score", none: "none",
      verdict_overstates: "The headline says more than the body supports.",
      verdict_ok: "The headline does not overstate.",
      certainty: "Certainty", attribution: "Attribution", source: "Source", channel: "Channel",
      kind: "Kind", role: "Role", mentions: "Mentions", article_node: "Article",
      no_sources: "No sources found.", no_chains: "No source chains found.",
      why_cert: "Certainty cue", why_attr: "Attribution cue", why_quote_cue: "Reporting cue",
      why_speaker: "Speaker", why_content: "Quoted content", why_click: "Clickbait cue",
      why_sentence: "Sentence", marks_sentence: "→ sentence counts as",
      legend_kinds: "Source kinds", legend_cert: "Certainty", legend_cues: "Cues",
      cue_cert: "certainty", cue_attr: "attribution", cue_quote: "reporting cue", cue_click: "clickbait",
      claim: "claim", no_claim: "no claim", subjective: "subjective", objective: "objective",
      via: "via", quote: "Quote",
      corpus_h: "Corpus", corpus_sources: "Top sources", corpus_channels: "Top channels",
      corpus_groups: "Claim groups", corpus_drift: "Certainty drift", corpus_empty: "No data.",
      corpus_error: "Corpus not available", count: "Count", articles: "Articles", outlets: "Outlets",
      first_seen: "first seen", name: "Name", text: "Text", show_drift: "Drift",
      close: "close", claims_n: "Claims", headline: "headline",
      corpus_hardened: "Became more certain (drift)",
    },
  };
  const LABELS = {
    de: {
      certain: "sicher", probable: "wahrscheinlich", possible: "möglich", alleged: "angeblich", open: "offen",
      none: "eigene Stimme", direct: "direkt", indirect: "indirekt", impersonal: "unpersönlich",
      free_indirect: "erlebte Rede", reported: "berichtet",
      person: "Person", organization: "Organisation", government: "Staat/Behörde", media: "Medium",
      anonymous: "anonym",
      statement: "Aussage", question: "Frage",
      supported: "gestützt", hedged: "nur vage gestützt", unsupported: "nicht gestützt",
      contradicted: "widersprochen", "n/a": "entfällt",
    },
    en: {
      certain: "certain", probable: "probable", possible: "possible", alleged: "alleged", open: "open",
      none: "writer's voice", direct: "direct", indirect: "indirect", impersonal: "impersonal",
      free_indirect: "free indirect", reported: "reported",
      person: "person", organization: "organization", government: "government", media: "media",
      anonymous: "anonymous",
      statement: "statement", question: "question",
      supported: "supported", hedged: "hedged", unsupported: "unsupported",
      contradicted: "contradicted", "n/a": "n/a",
    },
  };
  // "quote" is both a headline form and a UI word: keep the form label separate
  const FORM_QUOTE = { de: "Zitat", en: "quote" };
  const SCORECARD = {
    de: {
      sentences: "Sätze", claims: "Behauptungen", share_attributed: "Anteil zugeschrieben",
      share_hedged: "Anteil abgeschwächt", sources: "Quellen", named_sources: "benannte Quellen",
      anonymous_sources: "anonyme Quellen", media_sources: "Medien als Quelle",
      impersonal_sources: "unpersönliche Quellen", primary_sources: "Primärquellen",
      clickbait_score: "Clickbait-Wert", headline_support: "Stützung der Überschrift",
      headline_overstates: "Überschrift übertreibt", share_subjective: "Anteil wertend",
      quotes: "Zitate", channels: "Kanäle", second_hand_sources: "Quellen aus zweiter Hand",
      headline_form: "Form der Überschrift", headline_primary_confirmation: "Primärquelle bestätigt Überschrift",
      hedge_cues_by_kind: "Abschwächungen nach Art",
    },
    en: {
      sentences: "sentences", claims: "claims", share_attributed: "share attributed",
      share_hedged: "share hedged", sources: "sources", named_sources: "named sources",
      anonymous_sources: "anonymous sources", media_sources: "media sources",
      impersonal_sources: "impersonal sources", primary_sources: "primary sources",
      clickbait_score: "clickbait score", headline_support: "headline support",
      headline_overstates: "headline overstates", share_subjective: "share subjective",
      quotes: "quotes", channels: "channels", second_hand_sources: "second-hand sources",
      headline_form: "headline form", headline_primary_confirmation: "primary source confirms headline",
      hedge_cues_by_kind: "hedge cues by kind",
    },
  };
  const KINDS = ["person", "organization", "government", "media", "anonymous", "impersonal"];
  const LEVELS = ["certain", "probable", "possible", "alleged", "open"];

  let lang = (function () {
    try { return localStorage.getItem("quellenlage.lang") === "en" ? "en" : "de"; } catch (e) { return "de"; }
  })();
  const t = (k) => (I18N[lang][k] !== undefined ? I18N[lang][k] : k);
  const lbl = (k) => (k === null || k === undefined ? "–" : (LABELS[lang][k] !== undefined ? LABELS[lang][k] : String(k)));
  const formLabel = (f) => (f === "quote" ? FORM_QUOTE[lang] : lbl(f));

  // ---------------------------------------------------------------- DOM helpers (text-only)
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === "class") el.className = v;
        else if (k === "text") el.textContent = v;
        else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? "" : String(v));
      }
    }
    for (const c of children) append(el, c);
    return el;
  }
  function append(el, c) {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) { c.forEach((x) => append(el, x)); return; }
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  const SVGNS = "http://www.w3.org/2000/svg";
  function s(tag, attrs, ...children) {
    const el = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
    for (const c of children) append(el, c);
    return el;
  }
  const $ = (id) => document.getElementById(id);
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }
  const pct = (x) => (typeof x === "number" ? Math.round(x * 100) + " %" : String(x));
  const quoted = (x) => (lang === "de" ? "„" + x + "“" : "“" + x + "”");

  // Python offsets count code points, JS strings count UTF-16 units: map once per text.
  function offsetMapper(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
    const map = [0];
    let u = 0;
    for (const ch of text) { u += ch.length; map.push(u); }
    return (i) => map[Math.max(0, Math.min(i, map.length - 1))];
  }

  // ---------------------------------------------------------------- state
  let lastMap = null;
  let authRequired = false;

  function setStatus(msg, kind) {
    const st = $("status");
    st.textContent = msg || "";
    st.className = "status" + (kind ? " " + kind : "");
  }

  function applyI18n() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach((el) => {
      el.setAttribute("placeholder", t(el.dataset.i18nPlaceholder));
    });
    $("lang-toggle").textContent = lang === "de" ? "EN" : "DE";
    if (lastMap) render(lastMap);
    if (!$("view-corpus").hidden) loadCorpus();
  }

  // ---------------------------------------------------------------- API
  function authHeaders() {
    const tok = $("token").value.trim();
    return tok ? { Authorization: "Bearer " + tok } : {};
  }

  async function analyze(ev) {
    ev.preventDefault();
    const file = $("file").files[0];
    const text = $("text").value;
    if (!file && !text.trim()) { setStatus(t("need_input"), "err"); return; }
    const fd = new FormData();
    if (file) fd.append("file", file, file.name); else fd.append("text", text);
    setStatus(t("working"), "busy");
    $("analyze-btn").disabled = true;
    try {
      const resp = await fetch("/api/analyze", { method: "POST", body: fd, headers: authHeaders() });
      let data = null;
      try { data = await resp.json(); } catch (e) { data = null; }
      if (!resp.ok) {
        const msg = data && data.error ? data.error : "HTTP " + resp.status;
        setStatus(t("error") + " (" + resp.status + "): " + msg, "err");
        if (resp.status === 401) $("token-row").hidden = false;
        return;
      }
      lastMap = data;
      render(data);
      setStatus(t("done"), "ok");
      $("verdict").scrollIntoView({ block: "start" }); // on a phone the result is below the fold
    } catch (e) {
      setStatus(t("network_error") + ": " + e, "err");
    } finally {
      $("analyze-btn").disabled = false;
    }
  }

  // ---------------------------------------------------------------- rendering
  function sourceIndex(map) {
    const idx = {};
    (map.sources || []).forEach((src) => { idx[src.id] = src; });
    return idx;
  }
  const srcName = (idx, id) => (id && idx[id] ? idx[id].name : id);

  function render(map) {
    $("result").hidden = false;
    renderVerdict(map);
    renderLegend();
    renderBody(map);
    renderSources(map);
    renderScorecard(map);
  }

  function yesNo(b) { return b ? t("yes") : t("no"); }

  // Marked text of a string: marks are {start,end,cls,why} in code points of `text`.
  function markedText(text, marks, onMark) {
    const frag = document.createDocumentFragment();
    const conv = offsetMapper(text);
    const n = text.length;
    const bounds = new Set([0, n]);
    const ms = marks
      .map((m) => ({ ...m, s: conv(m.start), e: conv(m.end) }))
      .filter((m) => m.s < m.e && m.s >= 0 && m.e <= n);
    ms.forEach((m) => { bounds.add(m.s); bounds.add(m.e); });
    const pts = [...bounds].sort((a, b) => a - b);
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i], b = pts[i + 1];
      const piece = text.slice(a, b);
      const cover = ms.filter((m) => m.s <= a && m.e >= b);
      if (!cover.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      const cls = ["m"].concat(cover.map((m) => m.cls)).join(" ");
      const why = cover.map((m) => m.why).join("\n");
      const el = h("span", { class: cls, title: why, tabindex: "0", "data-why": why }, piece);
      if (onMark) onMark(el);
      frag.appendChild(el);
    }
    return frag;
  }

  function showWhy(el) {
    const box = $("why");
    clear(box);
    box.appendChild(h("button", { type: "button", class: "why-close", "aria-label": t("close"),
      onclick: () => { box.hidden = true; } }, "×"));
    (el.getAttribute("data-why") || "").split("\n").forEach((line) => box.appendChild(h("div", null, line)));
    box.hidden = false;
  }
  function hookMark(el) {
    el.addEventListener("click", () => showWhy(el));
    el.addEventListener("keydown", (e) => { if (e.key === "Enter") showWhy(el); });
  }

  function renderVerdict(map) {
    const box = $("verdict");
    clear(box);
    const hd = map.headline || {};
    const cb = hd.clickbait || { is_clickbait: false, score: 0, cues: [] };
    const title = hd.text || (map.article && map.article.title);
    box.appendChild(h("h2", null, t("verdict_h")));
    const marks = (cb.cues || []).map((c) => ({
      start: c.start, end: c.end, cls: "cue cue-click",
      why: t("why_click") + ": " + quoted(c.text) + (c.kind ? " (" + c.kind + ")" : ""),
    }));
    const hl = h("p", { id: "headline", class: "headline" });
    if (title) hl.appendChild(markedText(title, marks, hookMark)); else hl.textContent = t("no_headline");
    box.appendChild(hl);
    box.appendChild(h("p", { id: "verdict-summary", class: "summary " + (hd.overstates ? "bad" : "good") },
      hd.overstates ? t("verdict_overstates") : t("verdict_ok")));
    const dl = h("dl", { class: "facts" });
    const row = (id, k, v, extra) => {
      dl.appendChild(h("dt", null, k));
      dl.appendChild(h("dd", { id: id }, v, extra ? h("span", { class: "reason" }, " – " + extra) : null));
    };
    row("verdict-form", t("form"), formLabel(hd.form || "statement"));
    const cueList = (cb.cues || []).map((c) => quoted(c.text)).join(", ");
    row("verdict-clickbait", t("clickbait"),
      yesNo(cb.is_clickbait) + " (" + t("score") + " " + Number(cb.score || 0).toFixed(2) + ")",
      cueList || null);
    row("verdict-support", t("support"), lbl(hd.support || "n/a"), hd.support_reason || null);
    row("verdict-overstates", t("overstates"), yesNo(hd.overstates), hd.overstates_reason || null);
    if (hd.certainty && hd.certainty.level) {
      const cc = (hd.certainty.cues || []).map((c) => quoted(c.text)).join(", ");
      row("verdict-certainty", t("headline_certainty"), lbl(hd.certainty.level), cc || null);
    }
    if (hd.evidence && hd.evidence.length) {
      // each evidence claim id jumps to (and flashes) its sentence in the article
      const sentOfClaim = {};
      (map.claims || []).forEach((c) => { sentOfClaim[c.id] = c.sentence_id; });
      row("verdict-evidence", t("evidence"), hd.evidence.map((cid) => h("button", {
        type: "button", class: "small ev", title: t("evidence") + " " + cid,
        onclick: () => {
          const el = document.querySelector('#article-body [data-sid="' + CSS.escape(String(sentOfClaim[cid] || "")) + '"]');
          if (!el) return;
          el.scrollIntoView({ block: "center" });
          el.classList.remove("flash"); void el.offsetWidth; el.classList.add("flash");
        },
      }, cid)));
    }
    box.appendChild(dl);
  }

  function renderLegend() {
    const box = $("legend");
    clear(box);
    box.appendChild(h("div", null, h("b", null, t("legend_kinds") + ": "),
      KINDS.map((k) => h("span", { class: "chip k-" + k }, lbl(k)))));
    box.appendChild(h("div", null, h("b", null, t("legend_cert") + ": "),
      LEVELS.map((l) => h("span", { class: "chip c-" + l }, lbl(l)))));
    box.appendChild(h("div", null, h("b", null, t("legend_cues") + ": "),
      h("span", { class: "m cue cue-cert" }, t("cue_cert")), " ",
      h("span", { class: "m cue cue-attr" }, t("cue_attr")), " ",
      h("span", { class: "m cue cue-quote" }, t("cue_quote")), " ",
      h("span", { class: "m qcontent" }, t("why_content"))));
  }

  function bodyMarks(map) {
    const idx = sourceIndex(map);
    const sentOf = {};
    (map.sentences || []).forEach((st) => { sentOf[st.id] = st; });
    const marks = [];
    (map.sources || []).forEach((src) => {
      (src.mentions || []).forEach((m) => marks.push({
        start: m.start, end: m.end, cls: "src k-" + (src.kind || "impersonal"),
        why: t("source") + ": " + src.name + " (" + lbl(src.kind) + (src.role ? ", " + src.role : "") + ")",
      }));
    });
    (map.sentences || []).forEach((st) => {
      (st.certainty_cues || []).forEach((c) => marks.push({
        start: c.start, end: c.end, cls: "cue cue-cert",
        why: t("why_cert") + " " + quoted(c.text) + (c.kind ? " [" + c.kind + "]" : "") + " " +
          t("marks_sentence") + " " + lbl(st.certainty),
      }));
      (st.attribution_cues || []).forEach((c) => marks.push({
        start: c.start, end: c.end, cls: "cue cue-attr",
        why: t("why_attr") + " " + quoted(c.text) + (c.kind ? " [" + c.kind + "]" : "") + " " +
          t("marks_sentence") + " " + lbl(st.attribution) +
          (st.source_id ? " (" + t("source") + ": " + srcName(idx, st.source_id) + ")" : ""),
      }));
    });
    (map.quotes || []).forEach((q) => {
      const who = srcName(idx, q.source_id) || (q.speaker || []).map((x) => x.text).join(" ") || "?";
      const via = q.channel_id ? " " + t("via") + " " + srcName(idx, q.channel_id) : "";
      (q.cue || []).forEach((c) => marks.push({
        start: c.start, end: c.end, cls: "cue cue-quote",
        why: t("why_quote_cue") + " " + quoted(c.text) + " – " + t("quote") + " " + q.id + " (" +
          lbl(q.type) + "), " + t("source") + ": " + who + via,
      }));
      (q.speaker || []).forEach((c) => marks.push({
        start: c.start, end: c.end, cls: "speaker", why: t("why_speaker") + " (" + t("quote") + " " + q.id + ")",
      }));
      (q.content || []).forEach((c) => marks.push({
        start: c.start, end: c.end, cls: "qcontent",
        why: t("why_content") + " (" + lbl(q.type) + "): " + who + via,
      }));
    });
    return marks;
  }

  function renderBody(map) {
    const box = $("article-body");
    clear(box);
    const body = (map.article && map.article.body) || "";
    const sentences = (map.sentences || []).slice().sort((a, b) => a.start - b.start);
    const marks = bodyMarks(map);
    const idx = sourceIndex(map);
    let pos = 0;
    // marks relative to a slice [a, b) of the body (code point offsets)
    const cps = Array.from(body);
    const sliceCp = (a, b) => cps.slice(a, b).join("");
    function shift(ms, a, b) {
      return ms.filter((m) => m.end > a && m.start < b)
        .map((m) => ({ ...m, start: Math.max(m.start, a) - a, end: Math.min(m.end, b) - a }));
    }
    const plainCp = (a, b) => { if (b > a) box.appendChild(markedText(sliceCp(a, b), shift(marks, a, b), hookMark)); };
    for (const st of sentences) {
      if (st.start < pos) continue; // overlapping sentences: keep the first
      plainCp(pos, st.start);
      const cls = "sent c-" + (st.certainty || "certain") + (st.claim === false ? " noclaim" : "") +
        (st.heading ? " heading" : "");
      const span = h("span", { class: cls, "data-sid": st.id });
      span.appendChild(markedText(sliceCp(st.start, st.end), shift(marks, st.start, st.end), hookMark));
      const parts = [lbl(st.certainty || "certain"), lbl(st.attribution || "none")];
      if (st.source_id) parts.push(srcName(idx, st.source_id) + (st.channel_id ? " → " + srcName(idx, st.channel_id) : ""));
      if (st.subjectivity) parts.push(t(st.subjectivity));
      const why = t("why_sentence") + " " + st.id + ": " + t("certainty") + " " + lbl(st.certainty) + ", " +
        t("attribution") + " " + lbl(st.attribution) + ", " + (st.claim === false ? t("no_claim") : t("claim"));
      const badge = h("span", { class: "badge b-" + (st.certainty || "certain"), title: why, "data-why": why,
        tabindex: "0" }, parts.join(" · "));
      hookMark(badge);
      span.appendChild(badge);
      box.appendChild(span);
      pos = st.end;
    }
    plainCp(pos, cps.length);
  }

  // source → channel → article edges from quotes, sentences and claims
  function chains(map) {
    const idx = sourceIndex(map);
    const seen = new Map();
    const add = (sid, cid) => {
      if (!sid) return;
      const key = sid + "|" + (cid || "");
      seen.set(key, { source: sid, channel: cid || null, n: (seen.get(key) || { n: 0 }).n + 1 });
    };
    (map.quotes || []).forEach((q) => add(q.source_id, q.channel_id));
    (map.sentences || []).forEach((st) => add(st.source_id, st.channel_id));
    (map.claims || []).forEach((c) => c.attribution && add(c.attribution.source_id, c.attribution.channel_id));
    // a source with a channel does not also need a bare source → article edge
    const withChannel = new Set([...seen.values()].filter((c) => c.channel).map((c) => c.source));
    const out = [...seen.values()].filter((c) => c.channel || !withChannel.has(c.source));
    const channelIds = new Set(out.filter((c) => c.channel).map((c) => c.channel));
    // sources never linked to a sentence or quote still reached the article somehow
    (map.sources || []).forEach((src) => {
      if (!withChannel.has(src.id) && !out.some((c) => c.source === src.id) && !channelIds.has(src.id)) {
        out.push({ source: src.id, channel: null, n: 0 });
      }
    });
    return { list: out, idx };
  }

  function nodeLabel(str, max) { return str.length > max ? str.slice(0, max - 1) + "…" : str; }

  function chainGraph(map, ch) {
    const { list, idx } = ch;
    const srcIds = [...new Set(list.map((c) => c.source))];
    const chIds = [...new Set(list.filter((c) => c.channel).map((c) => c.channel))];
    const rowH = 34, top = 10, W = 600;
    const H = Math.max(srcIds.length, chIds.length, 1) * rowH + top * 2;
    const svg = s("svg", { viewBox: "0 0 " + W + " " + H, class: "graph", role: "img",
      "aria-label": t("chains_h") });
    const col = { src: 8, ch: 226, art: 462 }, nw = { src: 190, ch: 180, art: 130 }, nh = 26;
    const ySrc = {}, yCh = {};
    srcIds.forEach((id, i) => { ySrc[id] = top + i * rowH; });
    const chTop = top + (H - 2 * top - chIds.length * rowH) / 2;
    chIds.forEach((id, i) => { yCh[id] = chTop + i * rowH; });
    const yArt = H / 2 - nh / 2;
    const edges = s("g", { class: "edges" });
    const curve = (x1, y1, x2, y2) => {
      const mx = (x1 + x2) / 2;
      return "M" + x1 + " " + y1 + " C" + mx + " " + y1 + " " + mx + " " + y2 + " " + x2 + " " + y2;
    };
    const seenChArt = new Set();
    list.forEach((c) => {
      const y1 = ySrc[c.source] + nh / 2;
      if (c.channel) {
        edges.appendChild(s("path", { d: curve(col.src + nw.src, y1, col.ch, yCh[c.channel] + nh / 2), class: "edge" }));
        if (!seenChArt.has(c.channel)) {
          seenChArt.add(c.channel);
          edges.appendChild(s("path", { d: curve(col.ch + nw.ch, yCh[c.channel] + nh / 2, col.art, yArt + nh / 2), class: "edge" }));
        }
      } else {
        edges.appendChild(s("path", { d: curve(col.src + nw.src, y1, col.art, yArt + nh / 2), class: "edge direct" }));
      }
    });
    svg.appendChild(edges);
    const node = (x, y, w, label, kind, full) => s("g", { class: "node" },
      s("title", null, full),
      s("rect", { x: x, y: y, width: w, height: nh, rx: 6, class: "k-" + kind }),
      s("text", { x: x + 8, y: y + nh / 2 + 4 }, nodeLabel(label, Math.floor(w / 7.4))));
    srcIds.forEach((id) => {
      const src = idx[id] || { name: id, kind: "impersonal" };
      svg.appendChild(node(col.src, ySrc[id], nw.src, src.name, src.kind, src.name + " (" + lbl(src.kind) + ")"));
    });
    chIds.forEach((id) => {
      const src = idx[id] || { name: id, kind: "media" };
      svg.appendChild(node(col.ch, yCh[id], nw.ch, src.name, src.kind || "media", src.name + " (" + t("channel") + ")"));
    });
    const art = (map.article && map.article.outlet) || t("article_node");
    svg.appendChild(node(col.art, yArt, nw.art, art, "article", t("article_node") + ": " + art));
    return svg;
  }

  function renderSources(map) {
    const box = $("sources");
    clear(box);
    box.appendChild(h("h2", null, t("chains_h")));
    const ch = chains(map);
    if (!ch.list.length) {
      box.appendChild(h("p", { class: "muted" }, t("no_chains")));
    } else {
      box.appendChild(chainGraph(map, ch));
      const art = (map.article && map.article.outlet) || t("article_node");
      const ol = h("ol", { class: "chains", id: "chain-list" });
      ch.list.forEach((c) => {
        const src = ch.idx[c.source] || { name: c.source, kind: "impersonal" };
        const li = h("li", { class: "chain" + (c.channel ? " via" : "") },
          h("span", { class: "chip k-" + src.kind }, src.name));
        if (c.channel) {
          const chs = ch.idx[c.channel] || { name: c.channel, kind: "media" };
          li.appendChild(h("span", { class: "arrow" }, " → "));
          li.appendChild(h("span", { class: "chip k-" + (chs.kind || "media") }, chs.name));
        }
        li.appendChild(h("span", { class: "arrow" }, " → "));
        li.appendChild(h("span", { class: "chip k-article" }, art));
        ol.appendChild(li);
      });
      box.appendChild(ol);
    }
    box.appendChild(h("h2", null, t("sources_h")));
    const srcs = map.sources || [];
    if (!srcs.length) { box.appendChild(h("p", { class: "muted" }, t("no_sources"))); return; }
    const tbl = h("table", { class: "tbl", id: "source-table" },
      h("thead", null, h("tr", null, h("th", null, t("source")), h("th", null, t("kind")),
        h("th", { class: "num" }, t("mentions")))));
    const tb = h("tbody");
    srcs.forEach((src) => tb.appendChild(h("tr", null,
      h("td", null, h("span", { class: "chip k-" + src.kind }, src.name),
        src.role ? h("div", { class: "role" }, src.role) : null),
      h("td", { class: "nowrap" }, lbl(src.kind)),
      h("td", { class: "num" }, String((src.mentions || []).length)))));
    tbl.appendChild(tb);
    box.appendChild(tbl);
  }

  function fmtValue(k, v) {
    if (typeof v === "boolean") return yesNo(v);
    if (typeof v === "number" && /^share_/.test(k)) return pct(v);
    if (typeof v === "number") return Number.isInteger(v) ? String(v) : v.toFixed(2);
    if (typeof v === "string") return lbl(v);
    if (v === null || v === undefined) return "–";
    return JSON.stringify(v);
  }

  function renderScorecard(map) {
    const box = $("scorecard");
    clear(box);
    box.appendChild(h("h2", null, t("scorecard_h")));
    const sc = map.scorecard || {};
    // `explain` (key -> sentence) is the scorecard's own "why" for each figure
    const explain = sc.explain && typeof sc.explain === "object" ? sc.explain : {};
    const dl = h("dl", { class: "facts score", id: "scorecard-list" });
    Object.keys(sc).filter((k) => k !== "explain").forEach((k) => {
      const v = sc[k];
      let shown;
      if (v && typeof v === "object" && !Array.isArray(v)) {
        shown = Object.entries(v).sort((a, b) => (b[1] > a[1] ? 1 : -1))
          .map(([kk, vv]) => kk.replace(/_/g, " ") + " " + fmtValue(kk, vv)).join(", ") || "–";
      } else {
        shown = fmtValue(k, v);
      }
      dl.appendChild(h("dt", null, SCORECARD[lang][k] || k.replace(/_/g, " ")));
      dl.appendChild(h("dd", { "data-key": k }, shown,
        typeof explain[k] === "string" ? h("div", { class: "explain" }, explain[k]) : null));
    });
    box.appendChild(dl);
  }

  // ---------------------------------------------------------------- downloads
  function download(name, type, content) {
    const url = URL.createObjectURL(new Blob([content], { type: type }));
    const a = h("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 2000);
  }
  function baseName() {
    const id = lastMap && lastMap.article && lastMap.article.id;
    return "claim-map" + (id ? "-" + String(id).replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, 60) : "");
  }
  async function downloadHtml() {
    // one self-contained page: the rendered report (DOM serialisation escapes all text),
    // the app's stylesheet inline, and a CSP that allows no script at all.
    let css = "";
    try { css = await (await fetch("/static/app.css")).text(); } catch (e) { css = ""; }
    const doc = document.implementation.createHTMLDocument("");
    doc.documentElement.lang = lang;
    const meta = doc.createElement("meta"); meta.setAttribute("charset", "utf-8");
    const csp = doc.createElement("meta"); csp.setAttribute("http-equiv", "Content-Security-Policy");
    csp.setAttribute("content", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    const vp = doc.createElement("meta"); vp.setAttribute("name", "viewport");
    vp.setAttribute("content", "width=device-width, initial-scale=1");
    doc.head.append(meta, csp, vp);
    doc.title = "Quellenlage – " + ((lastMap.article && lastMap.article.title) || baseName());
    const style = doc.createElement("style"); style.textContent = css; doc.head.appendChild(style);
    const main = doc.createElement("main"); main.className = "export";
    main.appendChild(doc.importNode($("report"), true));
    main.querySelectorAll("[tabindex]").forEach((el) => el.removeAttribute("tabindex"));
    doc.body.appendChild(main);
    download(baseName() + ".html", "text/html;charset=utf-8", "<!DOCTYPE html>\n" + doc.documentElement.outerHTML);
  }

  // ---------------------------------------------------------------- corpus view
  async function getJson(path) {
    const resp = await fetch(path, { headers: authHeaders() });
    const data = await resp.json().catch(() => null);
    if (!resp.ok) throw new Error((data && data.error) || "HTTP " + resp.status);
    return data;
  }
  function table(id, cols, rows) {
    if (!rows.length) return h("p", { class: "muted" }, t("corpus_empty"));
    return h("table", { class: "tbl", id: id },
      h("thead", null, h("tr", null, cols.map((c) => h("th", { class: c.num ? "num" : null }, c.label)))),
      h("tbody", null, rows.map((r) => h("tr", null, cols.map((c) => {
        const v = c.get(r);
        return h("td", { class: c.num ? "num" : null }, v instanceof Node ? v : (v === null || v === undefined ? "–" : String(v)));
      })))));
  }
  function driftChart(points) {
    // certainty level (y) over time (x): a step line, one dot per appearance
    const W = 520, H = 150, L = 92, R = 10, T = 10, B = 24;
    const svg = s("svg", { viewBox: "0 0 " + W + " " + H, class: "graph drift", role: "img", "aria-label": t("corpus_drift") });
    LEVELS.forEach((lv, i) => {
      const y = T + i * (H - T - B) / (LEVELS.length - 1); // "certain" on top: hardening goes up
      svg.appendChild(s("line", { x1: L, x2: W - R, y1: y, y2: y, class: "grid" }));
      svg.appendChild(s("text", { x: 4, y: y + 4, class: "axis" }, lbl(lv)));
    });
    const pts = points.filter((p) => LEVELS.includes(p.certainty));
    if (!pts.length) return svg;
    const xs = pts.map((p, i) => L + (pts.length === 1 ? (W - L - R) / 2 : i * (W - L - R) / (pts.length - 1)));
    const ys = pts.map((p) => T + LEVELS.indexOf(p.certainty) * (H - T - B) / (LEVELS.length - 1));
    svg.appendChild(s("polyline", { points: xs.map((x, i) => x + "," + ys[i]).join(" "), class: "line" }));
    pts.forEach((p, i) => svg.appendChild(s("g", null,
      s("title", null, (p.published || "") + " " + (p.outlet || "") + ": " + lbl(p.certainty) + (p.text ? " – " + p.text : "")),
      s("circle", { cx: xs[i], cy: ys[i], r: 5, class: "dot c-" + p.certainty }))));
    const first = pts[0].published || "", last = pts[pts.length - 1].published || "";
    svg.appendChild(s("text", { x: L, y: H - 6, class: "axis" }, String(first).slice(0, 10)));
    svg.appendChild(s("text", { x: W - R, y: H - 6, class: "axis end" }, String(last).slice(0, 10)));
    return svg;
  }
  function showDrift(group, box) {
    clear(box);
    const pts = group.certainty_path || [];
    box.appendChild(h("h3", null, t("corpus_drift") + ": " + (group.label || group.group_id)));
    box.appendChild(driftChart(pts));
    box.appendChild(table("drift-table", [
      { label: t("first_seen"), get: (r) => r.published },
      { label: t("outlets"), get: (r) => r.outlet },
      { label: t("certainty"), get: (r) => h("span", { class: "chip c-" + r.certainty }, lbl(r.certainty)) },
      { label: t("source"), get: (r) => (r.source || "–") + (r.channel ? " → " + r.channel : "") },
      { label: t("text"), get: (r) => (r.is_headline ? "[" + t("headline") + "] " : "") + r.text },
    ], pts));
    box.scrollIntoView({ block: "nearest" });
  }
  async function loadCorpus() {
    const box = $("corpus");
    clear(box);
    box.appendChild(h("h2", null, t("corpus_h")));
    try {
      const [summ, srcs, groups, drift] = await Promise.all([getJson("/api/corpus/summary"),
        getJson("/api/corpus/sources?limit=20"), getJson("/api/corpus/claim-groups?limit=30"),
        getJson("/api/corpus/drift?limit=20")]);
      box.appendChild(h("p", { id: "corpus-summary", class: "muted" },
        [["articles", summ.articles], ["outlets", summ.outlets], ["claims_n", summ.claims],
          ["corpus_groups", summ.claim_groups]].map(([k, v]) => t(k) + ": " + v).join(" · ")));
      const wrap = h("div", { class: "grid2" });
      wrap.appendChild(h("section", { class: "card" }, h("h3", null, t("corpus_sources")),
        table("corpus-sources", [
          { label: t("name"), get: (r) => h("span", { class: "chip k-" + r.kind }, r.name) },
          { label: t("kind"), get: (r) => lbl(r.kind) },
          { label: t("articles"), get: (r) => r.articles, num: true },
          { label: t("outlets"), get: (r) => r.outlets, num: true },
          { label: t("claims_n"), get: (r) => r.claims, num: true }], srcs.sources || [])));
      wrap.appendChild(h("section", { class: "card" }, h("h3", null, t("corpus_channels")),
        table("corpus-channels", [
          { label: t("channel"), get: (r) => h("span", { class: "chip k-" + (r.kind || "media") }, r.channel) },
          { label: t("articles"), get: (r) => r.articles, num: true },
          { label: t("sources_h"), get: (r) => (r.sources || []).join(", ") }], srcs.channels || [])));
      box.appendChild(wrap);
      box.appendChild(h("section", { class: "card" }, h("h3", null, t("corpus_hardened")),
        table("corpus-drift", [
          { label: t("text"), get: (r) => r.label },
          { label: t("corpus_drift"), get: (r) => h("span", null,
            h("span", { class: "chip c-" + r.from_level }, lbl(r.from_level)), " → ",
            h("span", { class: "chip c-" + r.to_level }, lbl(r.to_level))) },
          { label: t("outlets"), get: (r) => ((r.from && r.from.outlet) || "?") + " → " +
            ((r.to && r.to.outlet) || "?") + (r.to && r.to.is_headline ? " (" + t("headline") + ")" : "") },
        ], drift.events || [])));
      const driftBox = h("section", { class: "card", id: "drift" });
      box.appendChild(h("section", { class: "card" }, h("h3", null, t("corpus_groups")),
        table("corpus-groups", [
          { label: t("text"), get: (r) => r.label },
          { label: t("articles"), get: (r) => r.articles, num: true },
          { label: t("outlets"), get: (r) => (r.outlets || []).join(", ") },
          { label: t("first_seen"), get: (r) => r.first ? (r.first.published || "") + " " + (r.first.outlet || "") : "" },
          { label: t("corpus_drift"), get: (r) => h("span", null,
            (r.certainty_path || []).map((c) => h("span", { class: "chip c-" + c.certainty, title: c.outlet || "" },
              lbl(c.certainty)))) },
          { label: "", get: (r) => h("button", { type: "button", class: "small",
            onclick: () => showDrift(r, driftBox) }, t("show_drift")) },
        ], groups.groups || [])));
      box.appendChild(driftBox);
    } catch (e) {
      box.appendChild(h("p", { class: "err" }, t("corpus_error") + ": " + e.message));
    }
  }
  function showView(name) {
    $("view-analyze").hidden = name !== "analyze";
    $("view-corpus").hidden = name !== "corpus";
    $("tab-analyze").classList.toggle("active", name === "analyze");
    $("tab-corpus").classList.toggle("active", name === "corpus");
    if (name === "corpus") loadCorpus();
  }

  // ---------------------------------------------------------------- wiring
  document.addEventListener("DOMContentLoaded", () => {
    $("input-form").addEventListener("submit", analyze);
    $("clear-btn").addEventListener("click", () => {
      $("text").value = ""; $("file").value = ""; setStatus("");
    });
    $("lang-toggle").addEventListener("click", () => {
      lang = lang === "de" ? "en" : "de";
      try { localStorage.setItem("quellenlage.lang", lang); } catch (e) { /* private mode */ }
      applyI18n();
    });
    $("dl-json").addEventListener("click", () => {
      if (lastMap) download(baseName() + ".json", "application/json", JSON.stringify(lastMap, null, 2));
    });
    $("dl-html").addEventListener("click", () => { if (lastMap) downloadHtml(); });
    $("tab-analyze").addEventListener("click", () => showView("analyze"));
    $("tab-corpus").addEventListener("click", () => showView("corpus"));
    applyI18n();
    fetch("/api/health").then((r) => r.json()).then((hl) => {
      authRequired = !!hl.auth;
      $("token-row").hidden = !authRequired;
      $("tab-corpus").hidden = !hl.corpus;
      document.body.dataset.ready = "1";
    }).catch(() => { document.body.dataset.ready = "1"; });
  });
})();
