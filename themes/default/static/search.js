/* Broadsheet default theme: search in the reader's browser, over the index the build wrote in search/.
   Plain ES2017, no dependencies. Text is read as the build reads it (org.broadsheet.search.SearchText): NFKC,
   A-Z lower-cased, then units: an ASCII word or number is one unit, any other letter, digit or ideograph one
   unit each, the rest separates. A run of units is found as pairs of neighbours at consecutive positions. */
(function () {
  "use strict";
  var JOINED = 0, SPACED = 1, BROKEN = 2, PAGE = 10;
  var DAY_OFFSET = 1000000; // SearchLayout.DAY_OFFSET: a segment's first day, shifted to stay unsigned
  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var form = document.getElementById("search-form");
  if (!form || !window.fetch) { return; }
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  var field = document.getElementById("search-q");
  var unitChar = (function () {
    try {
      var re = new RegExp("[\\p{L}\\p{Nd}\\p{Ideographic}]", "u");
      return function (c) { return re.test(c); };
    } catch (e) { /* no Unicode property escapes: letters by case, and the CJK blocks */
      return function (c) {
        var n = c.codePointAt(0);
        return c.toLowerCase() !== c.toUpperCase() || (n >= 0x3400 && n <= 0x9fff) || (n >= 0xf900 && n <= 0xfaff)
          || (n >= 0x20000 && n <= 0x3ffff) || n === 0x3007 || (n >= 0xac00 && n <= 0xd7af)
          || (n >= 0x3040 && n <= 0x30ff) || (n >= 0x30 && n <= 0x39);
      };
    }
  })();

  function normalize(text) {
    return text.normalize("NFKC").replace(/[A-Z]+/g, function (s) { return s.toLowerCase(); });
  }
  function asciiWord(c) { return /^[a-z0-9A-Z]$/.test(c); }
  function digit(c) { return c >= "0" && c <= "9"; }

  /* The units of normalised text, each {t: text, s: start, e: end, g: gap before}. */
  function units(text) {
    var out = [], gap = BROKEN, i = 0, n = text.length;
    while (i < n) {
      var c = String.fromCodePoint(text.codePointAt(i));
      if (asciiWord(c)) {
        var end = i;
        while (end < n && (asciiWord(text[end]) || (text[end] === "." && end > i && digit(text[end - 1])
            && end + 1 < n && digit(text[end + 1])))) { end++; }
        out.push({ t: text.slice(i, end), s: i, e: end, g: gap });
        gap = JOINED; i = end;
      } else if (unitChar(c)) {
        out.push({ t: c, s: i, e: i + c.length, g: gap });
        gap = JOINED; i += c.length;
      } else {
        gap = Math.max(gap, /\s/.test(c) ? SPACED : BROKEN);
        i += c.length;
      }
    }
    return out;
  }
  function pair(a, b) { return b.g === SPACED ? a.t + " " + b.t : a.t + b.t; }

  /* A query: terms apart by spaces must all match; "a phrase" in quotes may hold spaces. Each term is cut into
     runs at punctuation; every run must match. */
  function parse(query) {
    var runs = [], re = /["“”]([^"“”]*)["“”]?|[^\s"“”]+/g, m;
    while ((m = re.exec(query)) !== null) {
      var run = [];
      units(normalize(m[1] !== undefined ? m[1] : m[0])).forEach(function (u) {
        if (u.g === BROKEN && run.length) { runs.push(run); run = []; }
        run.push(u);
      });
      if (run.length) { runs.push(run); }
    }
    return runs.slice(0, 12);
  }

  function decode(text) {
    var out = [], value = 0;
    for (var i = 0; i < text.length; i++) {
      var d = ALPHABET.indexOf(text[i]);
      value = value * 32 + (d & 31);
      if (d < 32) { out.push(value); value = 0; }
    }
    return out;
  }

  var cache = new Map();
  function json(url) {
    if (!cache.has(url)) {
      cache.set(url, fetch(url).then(function (r) {
        if (!r.ok) { throw new Error(r.status + " " + url); }
        return r.json();
      }));
    }
    return cache.get(url);
  }

  var indexUrl = new URL(form.getAttribute("data-index"), location.href);
  var root = new URL("../", indexUrl);
  function file(segment, name) { return new URL(segment.id + "/" + name, indexUrl).href; }

  async function meta(segment) {
    if (!segment.meta) {
      var m = await json(file(segment, "meta.json")), days = decode(m.days), day = days[0] - DAY_OFFSET;
      m.dayOf = days.slice(1).map(function (gap) { day -= gap; return day; });
      m.bureauOf = decode(m.bureaus);
      m.titleOf = decode(m.titles);
      segment.meta = m;
    }
    return segment.meta;
  }

  /* The term directory (org.broadsheet.search.TermDirectory): which quarters hold a term, read only when the
     newest segment did not answer the query, so that a rare query reads only the segments that can match. */
  function ordinal(id) { var p = id.split("-"); return Number(p[0]) * 4 + Number(p[1]) - 1; }
  function termFile(term, files) {
    var h = 0x811c9dc5;
    for (var i = 0; i < term.length; i++) { h = Math.imul(h ^ term.charCodeAt(i), 0x01000193); }
    return (h >>> 0) % files;
  }
  async function quarters(manifest, term) {
    var f = await json(new URL("terms/" + termFile(term, manifest.terms) + ".json", indexUrl).href);
    var a = 0, b = f.t.length - 1, out = new Set();
    while (a <= b) {
      var c = (a + b) >> 1;
      if (f.t[c] === term) {
        var n = decode(f.s[c]), end = null;
        for (var i = 0; i < n.length; i += 2) {
          var start = end === null ? n[i] : end + 2 + n[i];
          end = start + n[i + 1];
          for (var q = start; q <= end; q++) { out.add(q); }
        }
        return out;
      }
      if (f.t[c] < term) { a = c + 1; } else { b = c - 1; }
    }
    return out;
  }
  /* The quarters holding every term the query looks up (a run's unit, or its pairs). */
  async function candidates(manifest, runs) {
    var terms = [];
    runs.forEach(function (run) {
      if (run.length === 1) { terms.push(run[0].t); }
      for (var k = 1; k < run.length; k++) { terms.push(pair(run[k - 1], run[k])); }
    });
    var sets = await Promise.all(terms.map(function (term) { return quarters(manifest, term); }));
    return sets.reduce(function (all, set) {
      return new Set(Array.from(all).filter(function (q) { return set.has(q); }));
    });
  }

  /* The postings of a term in a segment, as text; "" when the segment lacks it. */
  async function postings(segment, term) {
    var m = await meta(segment), lo = 0, hi = m.shards.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (m.shards[mid] <= term) { lo = mid; } else { hi = mid - 1; } }
    var shard = await json(file(segment, "s" + lo + ".json")), a = 0, b = shard.t.length - 1;
    while (a <= b) {
      var c = (a + b) >> 1;
      if (shard.t[c] === term) { return shard.p[c]; }
      if (shard.t[c] < term) { a = c + 1; } else { b = c - 1; }
    }
    return "";
  }

  /* Stories holding one unit: Map doc -> in title. */
  async function unitDocs(segment, term) {
    var out = new Map(), doc = -1;
    decode(await postings(segment, term)).forEach(function (v) { doc += Math.floor(v / 2) + 1; out.set(doc, v % 2 === 1); });
    return out;
  }
  /* Stories holding a pair: Map doc -> Set of positions. */
  async function pairDocs(segment, term) {
    var out = new Map(), n = decode(await postings(segment, term)), i = 0, doc = -1;
    while (i < n.length) {
      var head = n[i++];
      doc += Math.floor(head / 2) + 1;
      var count = head % 2 === 1 ? n[i++] + 2 : 1, set = new Set(), p = -1;
      for (var k = 0; k < count; k++) { p += n[i++] + 1; set.add(p); }
      out.set(doc, set);
    }
    return out;
  }
  /* Stories where a run matches: Map doc -> in title. */
  async function runDocs(segment, run, m) {
    if (run.length === 1) { return unitDocs(segment, run[0].t); }
    var lists = await Promise.all(run.slice(1).map(function (u, k) { return pairDocs(segment, pair(run[k], u)); }));
    var out = new Map();
    lists[0].forEach(function (starts, doc) {
      var inTitle = null;
      starts.forEach(function (p) {
        for (var k = 1; k < lists.length; k++) { var at = lists[k].get(doc); if (!at || !at.has(p + k)) { return; } }
        inTitle = inTitle || p < m.titleOf[doc];
      });
      if (inTitle !== null) { out.set(doc, inTitle); }
    });
    return out;
  }

  async function searchSegment(segment, runs, filter) {
    var m = await meta(segment), found = null;
    var maps = await Promise.all(runs.map(function (run) { return runDocs(segment, run, m); }));
    maps.sort(function (x, y) { return x.size - y.size; });
    maps[0].forEach(function (inTitle, doc) {
      for (var k = 1; k < maps.length; k++) { if (!maps[k].has(doc)) { return; } inTitle = inTitle && maps[k].get(doc); }
      if (!filter(m, doc)) { return; }
      (found = found || []).push({ segment: segment, doc: doc, title: inTitle, day: m.dayOf[doc], bureau: m.bureauOf[doc] - 1 });
    });
    return (found || []).sort(function (x, y) { return (y.title - x.title) || (x.doc - y.doc); });
  }

  function epochDay(value) { return value ? Math.floor(Date.parse(value + "T00:00:00Z") / 86400000) : null; }
  function dateText(day) {
    var d = new Date(day * 86400000);
    return d.getUTCFullYear() + "年" + (d.getUTCMonth() + 1) + "月" + d.getUTCDate() + "日";
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function dayFolder(day) {
    var d = new Date(day * 86400000);
    return d.getUTCFullYear() + "/" + pad(d.getUTCMonth() + 1) + "/" + pad(d.getUTCDate()) + "/";
  }

  /* Where the runs occur in text: [start, end) ranges of the original text, in order. */
  function matches(text, runs) {
    /* offsets[i]: the original offset of normalised char i; normalised per code point, which for the text of a
       story gives what normalising it whole gives */
    var norm = "";
    var offsets = [], o = 0;
    for (var c of text) {
      var n = normalize(c);
      norm += n;
      for (var q = 0; q < n.length; q++) { offsets.push(o); }
      o += c.length;
    }
    offsets.push(text.length);
    var u = units(norm), out = [];
    for (var i = 0; i < u.length; i++) {
      for (var r = 0; r < runs.length; r++) {
        var run = runs[r], k = 0;
        while (k < run.length && i + k < u.length && u[i + k].t === run[k].t
            && (k === 0 || u[i + k].g === run[k].g)) { k++; }
        if (k === run.length) { out.push([offsets[u[i].s], offsets[u[i + k - 1].e]]); break; }
      }
    }
    return out;
  }

  /* Text with its matches in <mark>, cut to a window around the first one when {@code width} is given. */
  function marked(text, runs, width) {
    var ranges = matches(text, runs), span = document.createDocumentFragment(), from = 0, to = text.length;
    if (width) {
      var first = ranges.length ? ranges[0][0] : 0;
      from = Math.max(0, first - Math.floor(width / 3));
      to = Math.min(text.length, from + width);
      if (from > 0) { span.append("…"); }
    }
    var at = from;
    ranges.forEach(function (r) {
      if (r[0] < at || r[1] > to) { return; }
      span.append(text.slice(at, r[0]));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      span.append(mark);
      at = r[1];
    });
    span.append(text.slice(at, to));
    if (to < text.length) { span.append("…"); }
    return span;
  }

  async function snippet(url, runs, into) {
    try {
      var page = new DOMParser().parseFromString(await (await fetch(url)).text(), "text/html");
      var body = page.querySelector(".story-body") || page.querySelector("main");
      var text = body ? body.textContent.replace(/\s+/g, " ").trim() : "";
      into.textContent = "";
      into.append(marked(text, runs, 90));
    } catch (e) {
      into.textContent = "";
    }
  }

  var state = null;
  async function show(result, runs, manifest) {
    var chunk = await json(file(result.segment, "d" + Math.floor(result.doc / manifest.chunk) + ".json"));
    var row = chunk.d[result.doc % manifest.chunk];
    var href = new URL(row[1][0] === "/" ? row[1].slice(1) : dayFolder(result.day) + row[1], root).href;
    var item = document.createElement("article"), h = document.createElement("h2"), a = document.createElement("a");
    item.className = "search-result";
    a.href = href;
    a.append(marked(row[0], runs, 0));
    h.append(a);
    var metaLine = document.createElement("p");
    metaLine.className = "result-meta";
    metaLine.textContent = [dateText(result.day), row[2], result.bureau >= 0 ? manifest.bureaus[result.bureau][0] : ""]
      .filter(Boolean).join(" · ");
    var text = document.createElement("p");
    text.className = "snippet";
    item.append(h, metaLine, text);
    snippet(href, runs, text);
    return item;
  }

  async function fill(current, count) {
    while (current.found.length < count && current.next < current.manifest.segments.length) {
      var segment = current.manifest.segments[current.next++];
      if (current.from !== null && epochDay(segment.to) < current.from) { continue; }
      if (current.to !== null && epochDay(segment.from) > current.to) { continue; }
      if (current.searched > 0) {
        current.allowed = current.allowed || await candidates(current.manifest, current.runs);
        if (!current.allowed.has(ordinal(segment.id))) { continue; }
      }
      current.searched++;
      var batch = await searchSegment(segment, current.runs, current.filter);
      current.found = current.found.concat(batch);
      if (current.shown === 0) { /* the first page: title matches first over all that was searched */
        current.found.sort(function (x, y) { return (y.title - x.title) || 0; });
      }
    }
  }

  async function page(current) {
    more.hidden = true;
    await fill(current, current.shown + PAGE);
    if (state !== current) { return; }
    var items = await Promise.all(current.found.slice(current.shown, current.shown + PAGE).map(function (r) {
      return show(r, current.runs, current.manifest);
    }));
    if (state !== current) { return; }
    items.forEach(function (item) { results.append(item); });
    current.shown += items.length;
    var all = current.next >= current.manifest.segments.length;
    status.textContent = current.found.length === 0 && all ? "没有找到相关稿件。"
      : (all ? "共找到 " : "已找到 ") + current.found.length + " 篇稿件" + (all ? "。" : "，更早的报纸可继续搜索。");
    more.hidden = current.shown >= current.found.length && all;
  }

  async function run() {
    var params = new URLSearchParams(location.search);
    var query = params.get("q") || "";
    field.value = query;
    form.bureau.value = params.get("bureau") || "";
    form.from.value = params.get("from") || "";
    form.to.value = params.get("to") || "";
    results.textContent = "";
    status.textContent = "";
    more.hidden = true;
    var runs = parse(query);
    if (!runs.length) { state = null; return; }
    status.textContent = "正在搜索……";
    try {
      var manifest = await json(indexUrl.href);
      var bureau = -1;
      manifest.bureaus.forEach(function (b, i) { if (b[1] === form.bureau.value) { bureau = i; } });
      var from = epochDay(form.from.value), to = epochDay(form.to.value);
      var current = state = {
        manifest: manifest, runs: runs, found: [], shown: 0, next: 0, searched: 0, allowed: null, from: from, to: to,
        filter: function (m, doc) {
          return (bureau < 0 || m.bureauOf[doc] - 1 === bureau) && (from === null || m.dayOf[doc] >= from)
            && (to === null || m.dayOf[doc] <= to);
        }
      };
      await page(current);
    } catch (e) {
      status.textContent = "搜索暂时不可用。";
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var params = new URLSearchParams();
    ["q", "bureau", "from", "to"].forEach(function (name) { if (form[name].value) { params.set(name, form[name].value); } });
    history.pushState(null, "", "?" + params.toString());
    run();
  });
  form.bureau.addEventListener("change", function () { form.requestSubmit ? form.requestSubmit() : run(); });
  more.addEventListener("click", function () { if (state) { page(state); } });
  window.addEventListener("popstate", run);
  document.getElementById("search-nojs").hidden = true;
  run();
})();
