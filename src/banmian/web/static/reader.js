// banmian reader: highlight the source lines (or boxes) an article came from.  No build step, no framework.
// Everything works without this file too: an article's "#N" link selects it through ?a=N.
(function () {
  "use strict";
  function byRefs(refs) {
    if (!refs) return [];
    return refs.split(" ").map(function (r) { return document.getElementById("L" + r); })
      .filter(function (el) { return el; });
  }
  function boxes(card) {
    var a = card.getAttribute("data-a");
    return a ? Array.prototype.slice.call(document.querySelectorAll('rect.box[data-a="' + a + '"]')) : [];
  }
  function mark(card, cls, on) {
    byRefs(card.getAttribute("data-refs")).concat(boxes(card)).forEach(function (el) {
      el.classList.toggle(cls, on);
    });
  }
  var selected = null;
  function select(card, scrollSource) {
    if (selected) { selected.classList.remove("sel"); mark(selected, "hl", false); }
    selected = card;
    card.classList.add("sel");
    mark(card, "hl", true);
    if (!document.body.classList.contains("upload") && card.getAttribute("data-a")) {
      var u = new URL(window.location.href);
      u.searchParams.set("a", card.getAttribute("data-a"));
      u.hash = "";
      window.history.replaceState(null, "", u.toString());
    }
    if (scrollSource) {
      var first = byRefs(card.getAttribute("data-refs"))[0];
      if (first) first.scrollIntoView({ block: "center" });
    }
  }
  function init() {
    var cards = document.querySelectorAll(".pageview .card[data-refs]");
    Array.prototype.forEach.call(cards, function (card) {
      card.addEventListener("mouseenter", function () { mark(card, "hover", true); });
      card.addEventListener("mouseleave", function () { mark(card, "hover", false); });
      card.addEventListener("click", function (ev) {
        var link = ev.target.closest("a");
        if (link && !link.classList.contains("select")) return;  // the title opens the article
        ev.preventDefault();
        select(card, true);
      });
      if (card.classList.contains("sel")) { select(card, true); card.scrollIntoView({ block: "nearest" }); }
    });
    Array.prototype.forEach.call(document.querySelectorAll(".pageview li.line[data-a]"), function (li) {
      li.addEventListener("click", function () {
        var card = document.getElementById("a" + li.getAttribute("data-a"));
        if (!card) return;
        select(card, false);
        card.scrollIntoView({ block: "nearest" });
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
