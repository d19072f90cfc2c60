// Article view: clicking an event, quote or actor in the side lists highlights its place in the text.
(function () {
  "use strict";
  var text = document.querySelector("article.text");
  if (!text) return;
  function focus(attr, idx, scroll) {
    text.querySelectorAll(".focus").forEach(function (el) { el.classList.remove("focus"); });
    var first = null;
    text.querySelectorAll("[" + attr + "]").forEach(function (el) {
      if (el.getAttribute(attr).split(" ").indexOf(String(idx)) >= 0) {
        el.classList.add("focus");
        if (!first) first = el;
      }
    });
    if (scroll && first) first.scrollIntoView({ behavior: "smooth", block: "center" });
  }
  document.querySelectorAll("a.goto[data-event]").forEach(function (a) {
    a.addEventListener("click", function (ev) { ev.preventDefault(); focus("data-events", a.dataset.event, true); history.replaceState(null, "", a.getAttribute("href")); });
  });
  document.querySelectorAll("a.goto[data-quote]").forEach(function (a) {
    a.addEventListener("click", function (ev) { ev.preventDefault(); focus("data-quotes", a.dataset.quote, true); history.replaceState(null, "", a.getAttribute("href")); });
  });
  document.querySelectorAll("li[data-actor]").forEach(function (li) {
    li.addEventListener("mouseenter", function () { focus("data-actors", li.dataset.actor, false); });
    li.addEventListener("click", function () { focus("data-actors", li.dataset.actor, true); });
  });
  // Arriving with #ev-<id> (from the event table): highlight that event's sentence.
  if (location.hash) {
    var link = document.querySelector('a.goto[href="' + location.hash.replace(/"/g, "") + '"]');
    if (link && link.dataset.event !== undefined) focus("data-events", link.dataset.event, true);
    else if (link && link.dataset.quote !== undefined) focus("data-quotes", link.dataset.quote, true);
  }
})();
