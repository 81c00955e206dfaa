/* Ripple site search. No server and no external request: the index is search-index.js at the site root, a
   script that sets window.RippleSearchIndex (fetch() of a JSON file is blocked on file:// pages), and the
   chunks it counts, search/chunk-<k>.js, each setting window.RippleSearchChunks[k] (see SearchIndexFiles.swift).
   They are loaded the first time the search box is used. Term rules mirror Sources/RippleRender/Search/SearchText.swift;
   the index layout is described in SearchIndex.swift. Results are built as DOM nodes, never from HTML strings. */
(function (global) {
  'use strict';

  // ---- Engine: pure functions over the index (also run by the test suite under Node) ----

  var FINAL = '0123456789abcdefghijklmnopqrstuv';
  var CONTINUATION = 'ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_';
  var DIGITS = {};
  for (var d = 0; d < 32; d++) { DIGITS[FINAL.charAt(d)] = d + 32; DIGITS[CONTINUATION.charAt(d)] = d; }
  var MAX_LENGTH = 32, PREFIX_LIMIT = 16, WORD = /[\p{L}\p{N}]+/gu;

  function decodePostings(text) {
    var out = new Int32Array(text.length), count = 0, value = 0, previous = -1;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGITS[text.charAt(i)];
      if (digit >= 32) { previous += value * 32 + (digit - 32) + 1; out[count++] = previous; value = 0; }
      else { value = value * 32 + digit; }
    }
    return out.subarray(0, count);
  }

  function fold(text) { return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\u03c2/g, '\u03c3'); }

  function stem(w) {
    var n = w.length;
    if (n > 4 && /ies$/.test(w)) w = w.slice(0, -3) + 'y';
    else if (n > 4 && /(ches|shes|sses|xes)$/.test(w)) w = w.slice(0, -2);
    else if (n > 3 && /s$/.test(w) && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
    n = w.length;
    if (n > 6 && /ing$/.test(w)) w = w.slice(0, -3);
    else if (n > 5 && /ed$/.test(w)) w = w.slice(0, -2);
    return w;
  }

  // Whether a and b differ by one insertion, deletion, substitution or swap of neighbours.
  function withinOneEdit(a, b) {
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1 || a === b) return false;
    var i = 0;
    while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a.charAt(i) === b.charAt(i + 1) && a.charAt(i + 1) === b.charAt(i) && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // The index's chunks searched as one: pages and sections numbered across chunks in chunk order, and each term
  // of any chunk once, sorted, with where it sits in every chunk that has it (`refs`: chunk, position pairs).
  function Engine(manifest, chunks) {
    var byTerm = new Map();
    this.pages = []; this.sections = []; this.chunks = [];
    for (var c = 0; c < chunks.length; c++) {
      var chunk = chunks[c], pageBase = this.pages.length, sectionBase = this.sections.length;
      for (var p = 0; p < chunk.pages.length; p++) this.pages.push(chunk.pages[p]);
      for (var q = 0; q < chunk.sections.length; q++) {
        var entry = chunk.sections[q];
        this.sections.push([entry[0] + pageBase, entry[1], entry[2], entry[3]]);
      }
      var terms = chunk.terms ? chunk.terms.split(' ') : [];
      this.chunks.push({ pageBase: pageBase, sectionBase: sectionBase,
        lists: { body: chunk.body.split(' '), head: chunk.head.split(' '), title: chunk.title.split(' ') } });
      for (var t = 0; t < terms.length; t++) {
        var refs = byTerm.get(terms[t]);
        if (refs === undefined) byTerm.set(terms[t], refs = []);
        refs.push(c, t);
      }
    }
    this.terms = Array.from(byTerm.keys()).sort();
    this.refs = this.terms.map(function (term) { return byTerm.get(term); });
    this.stop = {};
    var stop = manifest.stop.split(' ');
    for (var i = 0; i < stop.length; i++) this.stop[stop[i]] = true;
    this.firstSection = [];
    for (var s = 0; s < this.sections.length; s++) {
      var page = this.sections[s][0];
      if (this.firstSection[page] === undefined) this.firstSection[page] = s;
    }
    this.cache = { body: {}, head: {}, title: {} };
  }

  // How common a term is: the length of its text posting lists (a list's code grows with its postings).
  Engine.prototype.frequency = function (index) {
    var refs = this.refs[index], length = 0;
    for (var r = 0; r < refs.length; r += 2) length += this.chunks[refs[r]].lists.body[refs[r + 1]].length;
    return length;
  };

  // The terms of `text` in order, repeats kept: SearchText.terms in Swift (`stop`: the stop words as keys).
  function terms(text, stop) {
    var words = fold(text).match(WORD) || [], out = [];
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (w.length < 2 || w.length >= MAX_LENGTH || stop[w]) continue;
      out.push(stem(w));
    }
    return out;
  }

  Engine.prototype.queryTerms = function (query) {
    var all = terms(query, this.stop), out = [];
    for (var i = 0; i < all.length; i++) if (out.indexOf(all[i]) < 0) out.push(all[i]);
    return out;
  };

  Engine.prototype.lowerBound = function (term) {
    var lo = 0, hi = this.terms.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (this.terms[mid] < term) lo = mid + 1; else hi = mid; }
    return lo;
  };

  // Index terms a query term stands for, with weights: the term itself 1; while it is being typed (or is not
  // in the index), the most frequent longer terms starting with it 0.6; when it is not in the index and has
  // 5 letters or more, terms one typo away 0.4.
  Engine.prototype.candidates = function (term, typing) {
    var found = [], terms = this.terms, self = this;
    var start = this.lowerBound(term), exact = terms[start] === term;
    if (exact) found.push({ index: start, weight: 1 });
    if (typing || !exact) {
      var longer = [];
      for (var i = exact ? start + 1 : start; i < terms.length && longer.length < 500 && terms[i].lastIndexOf(term, 0) === 0; i++) longer.push(i);
      var frequency = {};
      for (var f = 0; f < longer.length; f++) frequency[longer[f]] = self.frequency(longer[f]);
      longer.sort(function (a, b) { return frequency[b] - frequency[a]; });
      for (var k = 0; k < longer.length && k < PREFIX_LIMIT; k++) found.push({ index: longer[k], weight: 0.6 });
    }
    if (!exact && term.length >= 5) {
      for (var j = 0, typos = 0; j < terms.length && typos < PREFIX_LIMIT; j++) {
        if (withinOneEdit(term, terms[j]) && terms[j].lastIndexOf(term, 0) !== 0) { found.push({ index: j, weight: 0.4 }); typos++; }
      }
    }
    return found;
  };

  // A term's postings of one kind across the chunks, in global section (or page, for titles) numbers.
  Engine.prototype.postings = function (kind, index) {
    var cache = this.cache[kind];
    if (cache[index]) return cache[index];
    var refs = this.refs[index], parts = [], total = 0;
    for (var r = 0; r < refs.length; r += 2) {
      var chunk = this.chunks[refs[r]], part = decodePostings(chunk.lists[kind][refs[r + 1]]);
      var base = kind === 'title' ? chunk.pageBase : chunk.sectionBase;
      for (var i = 0; i < part.length; i++) part[i] += base;
      parts.push(part); total += part.length;
    }
    if (parts.length === 1) return (cache[index] = parts[0]);
    var list = new Int32Array(total), at = 0;
    for (var k = 0; k < parts.length; k++) { list.set(parts[k], at); at += parts[k].length; }
    return (cache[index] = list);
  };

  var FIELDS = [['body', 1], ['head', 10], ['title', 100]];

  // Ranks sections: a title match counts 100, a heading match 10, a text match 1 (times the candidate's weight);
  // sections must match every query term when any does, otherwise the most terms win.
  Engine.prototype.search = function (query, limit) {
    var queryTerms = this.queryTerms(query), n = this.sections.length;
    var result = { total: 0, results: [], terms: [] };
    limit = limit || 10;
    if (!queryTerms.length || !n) return result;
    if (!this.score) {
      this.score = new Float64Array(n); this.best = new Float64Array(n); this.matched = new Uint8Array(n);
      this.hit = new Int32Array(n); this.touched = new Int32Array(n);
    }
    var score = this.score, best = this.best, matched = this.matched, hit = this.hit, touched = this.touched;
    var touchedCount = 0, matchedTerms = {}, firstSection = this.firstSection;
    for (var k = 0; k < queryTerms.length; k++) {
      var hitCount = 0, candidates = this.candidates(queryTerms[k], k === queryTerms.length - 1);
      for (var c = 0; c < candidates.length; c++) {
        var cand = candidates[c];
        matchedTerms[this.terms[cand.index]] = true;
        for (var f = 0; f < 3; f++) {
          var list = this.postings(FIELDS[f][0], cand.index), value = cand.weight * FIELDS[f][1];
          for (var p = 0; p < list.length; p++) {
            var s = f === 2 ? firstSection[list[p]] : list[p];
            if (best[s] === 0) hit[hitCount++] = s;
            if (value > best[s]) best[s] = value;
          }
        }
      }
      for (var h = 0; h < hitCount; h++) {
        var sec = hit[h];
        if (matched[sec] === 0) touched[touchedCount++] = sec;
        matched[sec]++;
        score[sec] += best[sec];
        best[sec] = 0;
      }
    }
    // Keep the best `limit` without sorting everything: most query terms matched, then score, then page order.
    var need = queryTerms.length, anyAll = false;
    for (var t = 0; t < touchedCount; t++) if (matched[touched[t]] === need) { anyAll = true; break; }
    var top = [], total = 0;
    function better(a, b) { return matched[a] !== matched[b] ? matched[a] > matched[b] : score[a] !== score[b] ? score[a] > score[b] : a < b; }
    for (var u = 0; u < touchedCount; u++) {
      var cur = touched[u];
      if (anyAll && matched[cur] !== need) continue;
      total++;
      if (top.length === limit && !better(cur, top[limit - 1])) continue;
      var at = top.length === limit ? limit - 1 : top.length;
      while (at > 0 && better(cur, top[at - 1])) { top[at] = top[at - 1]; at--; }
      top[at] = cur;
      if (top.length > limit) top.length = limit;
    }
    for (var z = 0; z < touchedCount; z++) { score[touched[z]] = 0; matched[touched[z]] = 0; }
    result.total = total;
    result.terms = Object.keys(matchedTerms);
    for (var r = 0; r < top.length; r++) {
      var section = this.sections[top[r]], pageEntry = this.pages[section[0]];
      result.results.push({
        page: section[0], title: pageEntry[0], heading: section[2], snippet: section[3],
        url: pageEntry[1] + (section[1] ? '#' + section[1] : '')
      });
    }
    return result;
  };

  var engine = { Engine: Engine, decodePostings: decodePostings, fold: fold, stem: stem, terms: terms, withinOneEdit: withinOneEdit };
  if (typeof module !== 'undefined' && module.exports) { module.exports = engine; return; }
  if (typeof document === 'undefined') return;
  global.RippleSearchEngine = engine;  // for the browser tests (stemmer parity)

  // ---- User interface ----

  var box = document.getElementById('site-search');
  if (!box) return;
  var input = document.getElementById('search-input');
  var panel = document.getElementById('search-panel');
  var count = document.getElementById('search-count');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var live = document.getElementById('search-live');
  var root = box.getAttribute('data-root') || '';
  var loaded = null, state = 'idle', pending = null, announceTimer = null, showAll = false;
  var SHOWN = 10, ALL = 500;
  box.hidden = false;

  // Loads the manifest, then every chunk it lists (all at once, on the first use of the search box).
  function load() {
    if (state !== 'idle') return;
    state = 'loading';
    var failed = function () { state = 'failed'; show('Search is not available: the search index is missing.', []); };
    script('search-index.js', function () {
      var manifest = global.RippleSearchIndex;
      if (!manifest || manifest.v !== 2) { failed(); return; }
      var waiting = manifest.chunks;
      var ready = function () {
        var chunks = global.RippleSearchChunks || [];
        for (var k = 0; k < manifest.chunks; k++) if (!chunks[k]) { failed(); return; }
        loaded = new Engine(manifest, chunks.slice(0, manifest.chunks));
        state = 'ready';
        if (pending !== null) run();
      };
      if (waiting === 0) { ready(); return; }
      for (var k = 0; k < manifest.chunks; k++) {
        script('search/chunk-' + k + '.js', function () { if (--waiting === 0) ready(); }, failed);
      }
    }, failed);
  }

  function script(path, onload, onerror) {
    var element = document.createElement('script');
    element.src = root + path;
    element.onload = onload;
    element.onerror = onerror;
    document.head.appendChild(element);
  }

  // Appends `text` to `parent`, wrapping words that match the query in <mark>.
  function appendHighlighted(parent, text, terms) {
    var last = 0, match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      var word = fold(match[0]);
      if (!terms[stem(word)]) continue;
      if (match.index > last) parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      var mark = document.createElement('mark');
      mark.textContent = match[0];
      parent.appendChild(mark);
      last = match.index + match[0].length;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function span(className, text, terms) {
    var element = document.createElement('span');
    element.className = className;
    appendHighlighted(element, text, terms);
    return element;
  }

  // Results grouped by page, pages in the order of their best result: the page title once, then a link per
  // section (its heading, or the page title for the page's opening) with its snippet.
  function show(message, results, terms, total) {
    while (list.firstChild) list.removeChild(list.firstChild);
    var set = {}, groups = [], byPage = {};
    (terms || []).forEach(function (t) { set[t] = true; });
    results.forEach(function (r) {
      if (!byPage[r.page]) { byPage[r.page] = { title: r.title, results: [] }; groups.push(byPage[r.page]); }
      byPage[r.page].results.push(r);
    });
    groups.forEach(function (group, g) {
      var item = document.createElement('li');
      item.className = 'search-group';
      var heading = span('search-group-title', group.title, set);
      heading.id = 'search-group-' + g;
      item.appendChild(heading);
      var sections = document.createElement('ul');
      sections.className = 'search-group-results';
      sections.setAttribute('aria-labelledby', heading.id);
      group.results.forEach(function (r) {
        var entry = document.createElement('li');
        var link = document.createElement('a');
        link.href = root + r.url;
        link.className = 'search-result';
        // The page's opening has no heading of its own: its snippet alone, under the page title.
        if (r.heading || !r.snippet) link.appendChild(span('search-result-title', r.heading || r.title, set));
        if (r.snippet) link.appendChild(span('search-result-snippet', r.snippet, set));
        entry.appendChild(link);
        sections.appendChild(entry);
      });
      item.appendChild(sections);
      list.appendChild(item);
    });
    more.hidden = !(total > results.length);
    if (!more.hidden) more.textContent = 'Show all ' + total + ' results';
    count.textContent = message;
    panel.hidden = false;
    place();
    // Announce once typing pauses, so a screen reader is not interrupted on every key.
    clearTimeout(announceTimer);
    announceTimer = setTimeout(function () { live.textContent = message; }, 400);
  }

  // Keeps the open panel inside the viewport, whatever the width and wherever the box sits in the header.
  function place() {
    if (panel.hidden) return;
    panel.style.left = '0px';
    var rect = panel.getBoundingClientRect(), width = document.documentElement.clientWidth, margin = 8, shift = 0;
    if (rect.right > width - margin) shift = width - margin - rect.right;
    if (rect.left + shift < margin) shift = margin - rect.left;
    panel.style.left = shift + 'px';
  }

  function close() {
    panel.hidden = true;
  }

  function run() {
    var query = input.value.trim();
    pending = query;
    if (query.length < 2) { close(); live.textContent = ''; return; }
    if (state === 'idle') load();
    if (state === 'failed') return;
    if (state !== 'ready') { show('Loading the search index…', []); return; }
    var found = loaded.search(query, showAll ? ALL : SHOWN);
    var label = '\u201c' + query + '\u201d';
    var message = found.total === 0 ? 'No results for ' + label
      : found.total === 1 ? '1 result for ' + label
        : found.total + ' results for ' + label + (found.total > found.results.length ? ', showing the best ' + found.results.length : '');
    show(message, found.results, found.terms, found.total);
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll('a')); }

  input.addEventListener('focus', load);
  input.addEventListener('input', function () { showAll = false; run(); });
  more.addEventListener('click', function () {
    var before = links().length;
    showAll = true;
    run();
    var items = links();
    if (items[before]) items[before].focus();
  });
  global.addEventListener('resize', place);
  input.addEventListener('keydown', function (event) {
    var items = links();
    if (event.key === 'ArrowDown' && items.length) { event.preventDefault(); if (panel.hidden) run(); items[0].focus(); }
    else if (event.key === 'ArrowUp' && items.length) { event.preventDefault(); items[items.length - 1].focus(); }
    else if (event.key === 'Enter' && items.length && !panel.hidden) { event.preventDefault(); items[0].click(); }
    else if (event.key === 'Escape') {
      if (!panel.hidden) { close(); } else { input.value = ''; }
      event.preventDefault();
    }
  });
  list.addEventListener('keydown', function (event) {
    var items = links(), at = items.indexOf(document.activeElement);
    if (at < 0) return;
    var next = null;
    if (event.key === 'ArrowDown') next = items[Math.min(at + 1, items.length - 1)];
    else if (event.key === 'ArrowUp') next = at === 0 ? input : items[at - 1];
    else if (event.key === 'Home') next = items[0];
    else if (event.key === 'End') next = items[items.length - 1];
    else if (event.key === 'Escape') { close(); next = input; }
    if (next) { event.preventDefault(); next.focus(); }
  });
  list.addEventListener('click', function () { close(); });
  box.addEventListener('focusout', function (event) {
    if (!event.relatedTarget || !box.contains(event.relatedTarget)) close();
  });
  input.addEventListener('click', function () { if (panel.hidden && input.value.trim().length >= 2) run(); });
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target, tag = target && target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
})(typeof window !== 'undefined' ? window : globalThis);
