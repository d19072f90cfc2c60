// Actor network: a small force-directed layout (Fruchterman-Reingold) drawn as SVG, no library.
// Nodes are actor codes (area ~ events), arrows run source -> target (width ~ events, colour ~ mean Goldstein).
(function () {
  "use strict";
  var svg = document.getElementById("network");
  var island = document.getElementById("network-data");
  if (!svg || !island) return;
  var NS = "http://www.w3.org/2000/svg";
  var data = JSON.parse(island.textContent);
  var W = 900, H = 560;

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  // Goldstein -10 (red) .. 0 (grey) .. +10 (green)
  function gcolor(g) {
    if (g === null || g === undefined) return "#8a94a6";
    var t = Math.max(-1, Math.min(1, g / 10));
    var grey = [138, 148, 166], green = [31, 138, 76], red = [194, 51, 47];
    var to = t >= 0 ? green : red, a = Math.abs(t);
    var c = grey.map(function (v, i) { return Math.round(v + (to[i] - v) * Math.min(1, a * 2)); });
    return "rgb(" + c.join(",") + ")";
  }

  var nodes = data.nodes.map(function (n, i) {
    var angle = 2 * Math.PI * i / Math.max(1, data.nodes.length);
    var ring = 0.35 * Math.min(W, H);
    return { id: n.id, events: n.events, g: n.goldstein_mean, r: 6 + 3 * Math.sqrt(n.events),
             x: W / 2 + ring * Math.cos(angle), y: H / 2 + ring * Math.sin(angle), dx: 0, dy: 0 };
  });
  var byId = {};
  nodes.forEach(function (n) { byId[n.id] = n; });
  var edges = data.edges.filter(function (e) { return byId[e.source] && byId[e.target]; }).map(function (e) {
    return { s: byId[e.source], t: byId[e.target], events: e.events, g: e.goldstein_mean,
             coop: e.cooperation, conf: e.conflict };
  });
  var pairs = {};
  edges.forEach(function (e) { pairs[e.s.id + "\u0000" + e.t.id] = true; });

  if (!nodes.length) {
    el("text", { x: W / 2, y: H / 2, "text-anchor": "middle", fill: "#667085" }, svg).textContent =
      "No coded actor takes part in an event with these filters.";
    svg.setAttribute("data-rendered-nodes", "0");
    svg.setAttribute("data-rendered-edges", "0");
    svg.setAttribute("data-ready", "1");
    return;
  }

  // Layout: repulsion between all pairs, springs along edges, gravity to the centre, cooling.
  var k = Math.sqrt((W * H) / nodes.length) * 0.4;
  var temp = W / 8;
  for (var it = 0; it < 400; it++) {
    nodes.forEach(function (n) { n.dx = 0; n.dy = 0; });
    for (var i = 0; i < nodes.length; i++) {
      for (var j = i + 1; j < nodes.length; j++) {
        var a = nodes[i], b = nodes[j];
        var dx = a.x - b.x, dy = a.y - b.y;
        var d = Math.max(0.01, Math.sqrt(dx * dx + dy * dy));
        var f = (k * k) / d;
        a.dx += dx / d * f; a.dy += dy / d * f;
        b.dx -= dx / d * f; b.dy -= dy / d * f;
      }
    }
    edges.forEach(function (e) {
      if (e.s === e.t) return;
      var dx = e.s.x - e.t.x, dy = e.s.y - e.t.y;
      var d = Math.max(0.01, Math.sqrt(dx * dx + dy * dy));
      var f = (d * d) / k;
      e.s.dx -= dx / d * f; e.s.dy -= dy / d * f;
      e.t.dx += dx / d * f; e.t.dy += dy / d * f;
    });
    nodes.forEach(function (n) {
      // Gravity grows with distance, so separate components stay near the middle instead of the corners.
      n.dx += (W / 2 - n.x) * 0.55;
      n.dy += (H / 2 - n.y) * 0.9;
      var m = Math.max(0.01, Math.sqrt(n.dx * n.dx + n.dy * n.dy));
      n.x += n.dx / m * Math.min(m, temp);
      n.y += n.dy / m * Math.min(m, temp);
      n.x = Math.max(n.r + 30, Math.min(W - n.r - 30, n.x));
      n.y = Math.max(n.r + 42, Math.min(H - n.r - 14, n.y));  // room above for a self-loop
    });
    temp = Math.max(0.5, temp * 0.985);
  }

  var defs = el("defs", {}, svg);
  var gEdges = el("g", { "class": "edges" }, svg);
  var gNodes = el("g", { "class": "nodes" }, svg);

  function edgePath(e) {
    if (e.s === e.t) {  // an actor acting on itself: a small loop above the node
      var x = e.s.x, y = e.s.y - e.s.r;
      return "M" + (x - 6) + "," + y + " C" + (x - 26) + "," + (y - 34) + " " + (x + 26) + "," + (y - 34) + " " + (x + 6) + "," + y;
    }
    var dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.max(0.01, Math.sqrt(dx * dx + dy * dy));
    var ux = dx / d, uy = dy / d;
    var x1 = e.s.x + ux * e.s.r, y1 = e.s.y + uy * e.s.r;
    var x2 = e.t.x - ux * (e.t.r + 4), y2 = e.t.y - uy * (e.t.r + 4);
    // Bend an edge when its reverse exists, so A->B and B->A do not overlap.
    var bend = pairs[e.t.id + "\u0000" + e.s.id] ? 0.18 * d : 0;
    var mx = (x1 + x2) / 2 - uy * bend, my = (y1 + y2) / 2 + ux * bend;
    return "M" + x1.toFixed(1) + "," + y1.toFixed(1) + " Q" + mx.toFixed(1) + "," + my.toFixed(1) + " " + x2.toFixed(1) + "," + y2.toFixed(1);
  }

  edges.forEach(function (e, i) {
    var color = gcolor(e.g);
    var mk = el("marker", { id: "arrow" + i, viewBox: "0 0 10 10", refX: "6", refY: "5", markerWidth: "5", markerHeight: "5", orient: "auto-start-reverse" }, defs);
    el("path", { d: "M0,0 L10,5 L0,10 z", fill: color }, mk);
    e.el = el("path", { "class": "edge", stroke: color, "stroke-width": (1 + 1.6 * Math.sqrt(e.events)).toFixed(1),
                        "marker-end": "url(#arrow" + i + ")", "data-source": e.s.id, "data-target": e.t.id, "data-events": e.events }, gEdges);
    el("title", {}, e.el).textContent = e.s.id + " \u2192 " + e.t.id + ": " + e.events + " events (" + e.coop + " cooperation, " + e.conf + " conflict), mean Goldstein " + (e.g === null ? "n/a" : e.g.toFixed(1));
    e.el.setAttribute("d", edgePath(e));
  });

  nodes.forEach(function (n) {
    n.el = el("g", { "class": "node", "data-id": n.id, "data-events": n.events, transform: "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")" }, gNodes);
    el("circle", { r: n.r.toFixed(1), fill: gcolor(n.g) }, n.el);
    el("text", { x: (n.r + 3).toFixed(1), y: "4" }, n.el).textContent = n.id;
    el("title", {}, n.el).textContent = n.id + ": " + n.events + " events, mean Goldstein " + (n.g === null ? "n/a" : n.g.toFixed(1));
  });

  // Dragging moves a node and its edges; a click without a drag opens the actor's timeline.
  var drag = null;
  function point(ev) {
    var p = svg.createSVGPoint(); p.x = ev.clientX; p.y = ev.clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  nodes.forEach(function (n) {
    n.el.addEventListener("pointerdown", function (ev) { drag = { n: n, moved: false }; n.el.setPointerCapture(ev.pointerId); });
    n.el.addEventListener("pointermove", function (ev) {
      if (!drag || drag.n !== n) return;
      var p = point(ev); n.x = p.x; n.y = p.y; drag.moved = true;
      n.el.setAttribute("transform", "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")");
      edges.forEach(function (e) { if (e.s === n || e.t === n) e.el.setAttribute("d", edgePath(e)); });
    });
    n.el.addEventListener("pointerup", function () {
      var moved = drag && drag.moved; drag = null;
      if (!moved) location.href = "/timeline?actor=" + encodeURIComponent(n.id);
    });
  });

  svg.setAttribute("data-rendered-nodes", String(nodes.length));
  svg.setAttribute("data-rendered-edges", String(edges.length));
  svg.setAttribute("data-ready", "1");
})();
