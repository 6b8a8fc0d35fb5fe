/* report.js - the interactive parts of relnet's HTML report. It reads the
   JSON of the element with id "data" and writes text only through textContent and
   attribute values (never innerHTML), so no article text can become markup.
   Uses d3 (v3, Debian's libjs-d3) for the graph when the page inlined it. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("data").textContent);
  /* D.reports: the reports the page holds, with their sentences (all of
     them, or the first of each arrow: D.embedded); D.counts: how many
     reports each (source, target, relation, polarity, date) has, all of
     them, for the tables, the arrows and the filters. Both rows start with
     source, target, relation, polarity, date. */
  var R = { SRC: 0, DST: 1, REL: 2, POL: 3, DATE: 4, CONF: 5, ART: 6, EV: 7, N: 5 };
  var fill = { country: "#a6cee3", organization: "#b2df8a", company: "#fdbf6f", person: "#fb9a99",
               group: "#cab2d6", document: "#ffff99", unknown: "#e0e0e0" };

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function name(i) { return D.entities[i].name; }

  /* A table whose rows sort by any column on a click of its heading. */
  function sortable(headers, rows, numeric) {
    var t = el("table", null, "sortable"), head = el("tr"), body = el("tbody");
    var dir = [];
    function fillBody() {
      while (body.firstChild) body.removeChild(body.firstChild);
      rows.forEach(function (r) {
        var tr = el("tr");
        r.forEach(function (v, i) {
          var txt = numeric[i] && typeof v === "number" && v % 1 !== 0 ? v.toPrecision(4) : v;
          tr.appendChild(el("td", txt, numeric[i] ? "num" : null));
        });
        body.appendChild(tr);
      });
    }
    headers.forEach(function (h, i) {
      var th = el("th", h);
      th.addEventListener("click", function () {
        dir[i] = dir[i] === -1 ? 1 : -1;
        rows.sort(function (a, b) {
          var x = a[i], y = b[i];
          if (numeric[i]) return dir[i] * (x - y);
          return dir[i] * String(x).localeCompare(String(y));
        });
        fillBody();
      });
      head.appendChild(th);
    });
    t.appendChild(head);
    t.appendChild(body);
    fillBody();
    return t;
  }

  /* Per relation: top sources and targets of asserted reports. */
  (function relationTables() {
    var box = document.getElementById("reltables");
    box.className = "reltables";
    D.relations.forEach(function (rel, ri) {
      var made = {}, got = {};
      D.counts.forEach(function (c) {
        if (c[R.REL] !== ri || c[R.POL] !== "asserted") return;
        made[c[R.SRC]] = (made[c[R.SRC]] || 0) + c[R.N];
        got[c[R.DST]] = (got[c[R.DST]] || 0) + c[R.N];
      });
      function rows(m) {
        return Object.keys(m).map(function (k) { return [name(+k), m[k]]; })
          .sort(function (a, b) { return b[1] - a[1] || a[0].localeCompare(b[0]); }).slice(0, 15);
      }
      if (!Object.keys(made).length) return;
      var div = el("div");
      div.appendChild(el("h3", rel.name));
      div.appendChild(sortable(["source", "reports"], rows(made), [false, true]));
      div.appendChild(sortable(["target", "reports"], rows(got), [false, true]));
      box.appendChild(div);
    });
  })();

  /* Centrality of every actor. */
  (function centralityTable() {
    var rows = D.centrality.map(function (c) { return [name(c[0])].concat(c.slice(1)); });
    rows.sort(function (a, b) { return b[3] - a[3]; });
    document.getElementById("centtable").appendChild(sortable(
      ["actor", "in degree", "out degree", "PageRank", "betweenness", "hub", "authority"], rows,
      [false, true, true, true, true, true, true]));
  })();

  /* ---- the interactive graph ------------------------------------------ */
  var svg = document.getElementById("net");
  if (typeof d3 === "undefined") return;

  /* The arrows Graphviz drew, one per (source, target, relation, polarity),
     on its own routes; each collects the reports behind it. */
  var edges = [], byKey = {};
  D.edges.forEach(function (a) {
    var e = { s: a[0], t: a[1], rel: a[2], pol: a[3], path: a[4], reports: [], counts: [] };
    byKey[e.s + ">" + e.t + ">" + e.rel + ">" + e.pol] = e;
    edges.push(e);
  });
  function arrowOf(r) { return byKey[r[R.SRC] + ">" + r[R.DST] + ">" + r[R.REL] + ">" + r[R.POL]]; }
  D.reports.forEach(function (r, i) {
    var e = arrowOf(r);
    if (e) e.reports.push(i);
  });
  D.counts.forEach(function (c) {
    var e = arrowOf(c);
    if (e) e.counts.push(c);
  });
  var relOn = D.relations.map(function () { return true; });
  var polOn = { asserted: true, negated: true, hedged: true };
  var since = "", until = "";
  function passes(i) { return rowPasses(D.reports[i]); }
  function rowPasses(r) {
    if (!relOn[r[R.REL]] || !polOn[r[R.POL]]) return false;
    if (since && (!r[R.DATE] || r[R.DATE] < since)) return false;
    if (until && (!r[R.DATE] || r[R.DATE] > until)) return false;
    return true;
  }
  /* Reports of count rows that pass the filters. */
  function counted(list) {
    var n = 0;
    list.forEach(function (c) { if (rowPasses(c)) n += c[R.N]; });
    return n;
  }
  function total(list) {
    var n = 0;
    list.forEach(function (c) { n += c[R.N]; });
    return n;
  }

  var W = Math.max(D.size.width, 10), H = Math.max(D.size.height, 10);
  var root = d3.select(svg).attr("viewBox", "0 0 " + W + " " + H)
    .attr("preserveAspectRatio", "xMidYMid meet");
  var defs = root.append("defs");
  D.relations.forEach(function (rel, i) {
    defs.append("marker").attr("id", "arrow" + i).attr("viewBox", "0 -5 10 10")
      .attr("refX", 10).attr("refY", 0).attr("markerWidth", 6).attr("markerHeight", 6)
      .attr("orient", "auto").append("path").attr("d", "M0,-5L10,0L0,5").attr("fill", rel.color);
  });
  var view = root.append("g");
  root.call(d3.behavior.zoom().scaleExtent([0.2, 8]).on("zoom", function () {
    view.attr("transform", "translate(" + d3.event.translate + ")scale(" + d3.event.scale + ")");
  }));

  var dash = { asserted: null, negated: "6,3", hedged: "1,4" };  /* as in the diagrams */
  function arrowTitle(e) {
    return name(e.s) + " " + D.relations[e.rel].name + " " + name(e.t) +
      (e.pol === "asserted" ? "" : " (" + e.pol + ")");
  }
  var lines = view.append("g").selectAll("path").data(edges).enter().append("path")
    .attr("class", "edge")
    .attr("d", function (e) { return e.path; })
    .attr("fill", "none")
    .attr("data-source", function (e) { return name(e.s); })
    .attr("data-target", function (e) { return name(e.t); })
    .attr("data-relation", function (e) { return D.relations[e.rel].name; })
    .attr("data-polarity", function (e) { return e.pol; })
    .attr("stroke", function (e) { return D.relations[e.rel].color; })
    .attr("stroke-dasharray", function (e) { return dash[e.pol]; })
    .attr("marker-end", function (e) { return "url(#arrow" + e.rel + ")"; })
    .on("click", function (e) { showReports(arrowTitle(e), e.reports, e.counts, name(e.s)); });
  lines.append("title").text(arrowTitle);

  var nodes = view.append("g").selectAll("g").data(D.layout).enter().append("g")
    .attr("class", "node")
    .attr("data-name", function (n) { return name(n[0]); })
    .attr("transform", function (n) { return "translate(" + n[1] + "," + n[2] + ")"; })
    .on("click", function (n) {
      var mine = [], theirs = [];
      D.reports.forEach(function (r, i) { if (r[R.SRC] === n[0] || r[R.DST] === n[0]) mine.push(i); });
      D.counts.forEach(function (c) { if (c[R.SRC] === n[0] || c[R.DST] === n[0]) theirs.push(c); });
      showReports(name(n[0]), mine, theirs, name(n[0]));
    });
  nodes.append("rect")
    .attr("x", function (n) { return -n[3] / 2; }).attr("y", function (n) { return -n[4] / 2; })
    .attr("width", function (n) { return n[3]; }).attr("height", function (n) { return n[4]; })
    .attr("rx", 4).attr("fill", function (n) { return fill[D.entities[n[0]].type] || "#fff"; });
  /* The label as Graphviz wrapped and sized it for the diagrams. */
  nodes.append("text").attr("text-anchor", "middle").attr("font-size", function (n) { return n[6]; })
    .each(function (n) {
      var lines = n[5].split("\n"), t = d3.select(this);
      lines.forEach(function (line, k) {
        t.append("tspan").attr("x", 0)
          .attr("dy", (k ? 1.2 : 0.35 - 0.6 * (lines.length - 1)) + "em").text(line);
      });
    });
  nodes.append("title").text(function (n) { return name(n[0]); });

  function refresh() {
    var shownEdges = 0, live = {};
    lines.each(function (e) {
      var vis = counted(e.counts);
      var on = vis > 0;
      if (on) { shownEdges++; live[e.s] = live[e.t] = true; }
      d3.select(this).classed("hidden", !on)
        .attr("stroke-width", Math.min(1 + 1.5 * Math.log(Math.max(vis, 1)), 8));
    });
    var shownNodes = 0;
    nodes.each(function (n) {
      var on = !!live[n[0]];
      if (on) shownNodes++;
      d3.select(this).classed("hidden", !on);
    });
    document.getElementById("shown").textContent =
      shownNodes + " actors, " + shownEdges + " arrows shown (of " + D.layout.length + " actors drawn by " +
      D.size.engine + ")";
  }

  /* The reports behind an arrow or an actor, filtered like the graph:
     how many (counts), and those the page holds (list). */
  function showReports(title, list, counts, who) {
    var box = document.getElementById("details");
    while (box.firstChild) box.removeChild(box.firstChild);
    var vis = list.filter(passes), n = counted(counts), all = total(counts);
    box.appendChild(el("h3", title));
    box.appendChild(el("p", n + " report" + (n === 1 ? "" : "s") +
      (n < all ? " (" + (all - n) + " hidden by the filters)" : "")));
    if (vis.length < n)
      box.appendChild(el("p", "This page holds the sentences of " + vis.length + " of them (the first " +
        D.embedded.per_arrow + " of each arrow); every one: relnet query \"" + who +
        "\" or relnet report --max-reports 0.", "warn"));
    var ul = el("ul", null, "reports");
    vis.forEach(function (i) {
      var r = D.reports[i], li = el("li", null, "report");
      li.appendChild(el("div", name(r[R.SRC]) + " " + D.relations[r[R.REL]].name + " " + name(r[R.DST]) +
        " \u2014 " + r[R.POL] + ", confidence " + (+r[R.CONF]).toFixed(2) + (r[R.DATE] ? ", " + r[R.DATE] : "")));
      if (r[R.EV]) li.appendChild(el("q", r[R.EV], "evidence"));
      if (r[R.ART] >= 0) {
        var a = D.articles[r[R.ART]], line = el("div", null, "article");
        if (a.url) {
          var link = el("a", a.title || a.url);
          link.setAttribute("href", a.url);  /* http(s) only, checked when written */
          link.setAttribute("rel", "noopener noreferrer");
          line.appendChild(link);
        } else {
          line.textContent = (a.title ? a.title + " \u2014 " : "") + a.name;
        }
        li.appendChild(line);
      }
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }

  /* Filters: relation and polarity check boxes, a date range. */
  function checkbox(box, label, checked, onchange) {
    var l = el("label"), c = el("input");
    c.type = "checkbox";
    c.checked = checked;
    c.setAttribute("data-filter", label);
    c.addEventListener("change", function () { onchange(c.checked); refresh(); });
    l.appendChild(c);
    l.appendChild(document.createTextNode(" " + label));
    box.appendChild(l);
  }
  var relBox = document.getElementById("relfilter");
  relBox.appendChild(el("span", "Relations: "));
  D.relations.forEach(function (rel, i) { checkbox(relBox, rel.name, true, function (on) { relOn[i] = on; }); });
  var polBox = document.getElementById("polfilter");
  polBox.appendChild(el("span", "Polarity: "));
  ["asserted", "negated", "hedged"].forEach(function (p) {
    checkbox(polBox, p, true, function (on) { polOn[p] = on; });
  });
  document.getElementById("since").addEventListener("change", function () { since = this.value; refresh(); });
  document.getElementById("until").addEventListener("change", function () { until = this.value; refresh(); });

  /* Search: highlight the actors whose name contains the text. */
  document.getElementById("search").addEventListener("input", function () {
    var q = this.value.trim().toLowerCase(), hits = 0;
    nodes.classed("found", function (n) {
      var on = q !== "" && name(n[0]).toLowerCase().indexOf(q) >= 0;
      if (on) hits++;
      return on;
    });
    document.getElementById("found").textContent = q === "" ? "" : hits + " found";
  });
  refresh();
})();
