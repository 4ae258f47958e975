(function () {
  "use strict";
  var $$ = function (s, r) { return Array.prototype.slice.call((r || document).querySelectorAll(s)); };
  var RANK = { error: 3, warning: 2, info: 1 };
  var cards = $$("article.finding");
  var byId = {};
  cards.forEach(function (c) { byId[c.id] = c; });
  var state = { sev: {}, rule: {}, only: false, current: null, collapsed: {} };
  $$("input[data-filter]").forEach(function (i) { state[i.dataset.filter][i.value] = i.checked; });
  var only = document.getElementById("only-findings");

  function visible(id) {
    var c = byId[id];
    return !!c && state.sev[c.dataset.sev] !== false && state.rule[c.dataset.rule] !== false;
  }
  function ids(s) { return (s || "").split(" ").filter(function (x) { return x; }); }
  function maxSev(list) {
    var best = null;
    list.forEach(function (id) { var s = byId[id].dataset.sev; if (!best || RANK[s] > RANK[best]) best = s; });
    return best;
  }
  function navList() { return cards.filter(function (c) { return visible(c.id); }); }

  function apply() {
    cards.forEach(function (c) { c.hidden = !visible(c.id); });
    $$("[data-fp],[data-fc]").forEach(function (el) {
      var p = ids(el.dataset.fp).filter(visible), c = ids(el.dataset.fc).filter(visible);
      el.dataset.sev = p.length ? maxSev(p) : (c.length ? "ref" : "off");
    });
    $$(".pin").forEach(function (p) { p.hidden = !visible(p.dataset.goto); });
    $$("tr.row").forEach(function (r) {
      var vis = ids(r.dataset.fids).filter(visible), n = vis.length;
      r.classList.toggle("has", n > 0);
      if (n) r.dataset.sev = maxSev(vis); else delete r.dataset.sev;
      r.hidden = state.only && n === 0;
      var d = r.nextElementSibling;
      if (d && d.classList.contains("details")) d.hidden = r.hidden || n === 0 || !!state.collapsed[r.id];
    });
    var list = navList();
    document.getElementById("shown").textContent = String(list.length);
    if (state.current && !visible(state.current.id)) select(null);
    status();
  }
  function status() {
    var list = navList(), i = state.current ? list.indexOf(state.current) : -1;
    document.getElementById("pos").textContent = i >= 0 ? ("finding " + (i + 1) + " of " + list.length) : "press j for the first finding";
  }
  function select(card, scroll) {
    $$(".focus").forEach(function (e) { e.classList.remove("focus"); });
    if (state.current) state.current.classList.remove("current");
    state.current = card;
    if (card) {
      card.classList.add("current");
      var row = card.dataset.row ? document.getElementById(card.dataset.row) : null;
      if (row && state.collapsed[row.id]) { state.collapsed[row.id] = false; apply(); }
      $$("[data-fp~='" + card.id + "'],[data-fc~='" + card.id + "']").forEach(function (e) { e.classList.add("focus"); });
      if (scroll !== false) {
        var target = row || card;
        target.scrollIntoView({ block: "center" });
      }
      card.focus({ preventScroll: true });
    }
    status();
  }
  function go(delta) {
    var list = navList();
    if (!list.length) return null;
    var i = state.current ? list.indexOf(state.current) : -1;
    if (i < 0) i = delta > 0 ? 0 : list.length - 1;
    else i = Math.min(list.length - 1, Math.max(0, i + delta));
    select(list[i]);
    return list[i].id;
  }
  function toggleDetails() {
    if (!state.current || !state.current.dataset.row) return;
    var rid = state.current.dataset.row;
    state.collapsed[rid] = !state.collapsed[rid];
    apply();
  }
  function setOnly(v) { state.only = v; only.checked = v; apply(); }

  $$("input[data-filter]").forEach(function (i) {
    i.addEventListener("change", function () { state[i.dataset.filter][i.value] = i.checked; apply(); });
  });
  only.addEventListener("change", function () { setOnly(only.checked); });
  document.addEventListener("click", function (e) {
    var t = e.target.closest ? e.target.closest(".pin,[data-fp],[data-fc]") : null;
    if (!t) return;
    var id = t.dataset.goto || ids(t.dataset.fp).filter(visible)[0] || ids(t.dataset.fc).filter(visible)[0];
    if (id && byId[id]) select(byId[id], false);
  });
  var help = document.getElementById("help");
  function onKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return false;
    var tag = (e.target && e.target.tagName) || "";
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(tag) && e.key !== "Escape") return false;
    switch (e.key) {
      case "j": case "n": go(1); break;
      case "k": case "p": go(-1); break;
      case "o": case "Enter": toggleDetails(); break;
      case "f": setOnly(!state.only); break;
      case "?": help.hidden = !help.hidden; break;
      case "Escape": help.hidden = true; break;
      default: return false;
    }
    e.preventDefault();
    return true;
  }
  document.addEventListener("keydown", onKey);
  help.addEventListener("click", function () { help.hidden = true; });
  var tb = document.querySelector(".toolbar");
  function tbHeight() { document.documentElement.style.setProperty("--tb", tb.offsetHeight + "px"); }
  window.addEventListener("resize", tbHeight);
  tbHeight();
  apply();

  // Self-test: drives the real controls and key handling, reports what the page showed.
  window.tcheckSelfTest = function () {
    var out = { total: cards.length, visible_initial: navList().length, shown_text: document.getElementById("shown").textContent,
                without_sev: {}, only_rule: {}, marks_lit_without_all: 0, nav: [], rows: 0, rows_hidden_only: 0 };
    function key(k) { document.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true })); }
    function click(input) { input.click(); }
    var sevBoxes = $$("input[data-filter=sev]"), ruleBoxes = $$("input[data-filter=rule]");
    sevBoxes.forEach(function (b) {
      click(b);
      out.without_sev[b.value] = { visible: navList().length, shown: Number(document.getElementById("shown").textContent),
        lit: $$("mark.hl[data-sev=" + b.value + "],.seg.whole[data-sev=" + b.value + "]").length };
      click(b);
    });
    ruleBoxes.forEach(function (b) {
      ruleBoxes.forEach(function (o) { if (o !== b) click(o); });
      out.only_rule[b.value] = navList().length;
      ruleBoxes.forEach(function (o) { if (o !== b) click(o); });
    });
    sevBoxes.forEach(click);
    out.marks_lit_without_all = $$("[data-fp][data-sev]:not([data-sev=off]):not([data-sev=ref])").length;
    out.pins_visible_without_all = $$(".pin").filter(function (p) { return !p.hidden; }).length;
    sevBoxes.forEach(click);
    select(null);
    ["j", "j", "n", "k", "p", "p"].forEach(function (k) { key(k); out.nav.push(state.current ? state.current.id : null); });
    out.focused_marks = state.current ? $$(".focus").length : 0;
    out.rows = $$("tr.row").length;
    key("f");
    out.rows_hidden_only = $$("tr.row").filter(function (r) { return r.hidden; }).length;
    key("f");
    out.rows_hidden_after = $$("tr.row").filter(function (r) { return r.hidden; }).length;
    key("?"); out.help_shown = !help.hidden; key("Escape"); out.help_hidden_after = help.hidden;
    select(null);
    return out;
  };
  var target = location.hash.slice(1);
  if (byId[target]) select(byId[target]);
  if (/selftest/.test(location.search + location.hash)) {
    var pre = document.getElementById("tcheck-selftest");
    try { pre.textContent = JSON.stringify(window.tcheckSelfTest()); }
    catch (err) { pre.textContent = JSON.stringify({ error: String(err && err.stack || err) }); }
  }
})();
