// Provenance links of a broadsheet report. Every element that stands for a
// restored block (in the restored pane, in the raw input, on the page image)
// carries data-b with the block id(s); hovering one marks all elements of the
// same block ("hl"), clicking pins them ("pin") and scrolls each other pane
// to them. Offsets were resolved when the report was written: nothing here
// counts characters.
(function () {
  "use strict";
  var byId = new Map();
  document.querySelectorAll("[data-b]").forEach(function (el) {
    el.getAttribute("data-b").split(" ").forEach(function (id) {
      if (!byId.has(id)) byId.set(id, []);
      byId.get(id).push(el);
    });
  });
  var hovered = [], pinned = [];

  function group(el) {
    var seen = new Set();
    el.getAttribute("data-b").split(" ").forEach(function (id) {
      (byId.get(id) || []).forEach(function (member) { seen.add(member); });
    });
    return Array.from(seen);
  }
  function mark(previous, cls, next) {
    previous.forEach(function (el) { el.classList.remove(cls); });
    next.forEach(function (el) { el.classList.add(cls); });
    return next;
  }
  function paneOf(el) { return el.closest(".pane"); }
  function scrolls(pane) { return pane && pane.scrollHeight > pane.clientHeight + 1 && getComputedStyle(pane).overflowY !== "visible"; }

  // Scroll a pane (or, where panes do not scroll, the page when asked) to show el.
  function show(el, pane, clicked) {
    if (scrolls(pane)) {
      var box = el.getBoundingClientRect(), view = pane.getBoundingClientRect();
      if (box.top < view.top + 30 || box.bottom > view.bottom) {
        pane.scrollTop += box.top - view.top - pane.clientHeight / 3;
      }
    } else if (clicked) {
      el.scrollIntoView({ block: "center" });
    }
  }

  // Bring the first member of the group into view in every pane but the source's.
  function reveal(source, members, clicked) {
    var done = new Set([paneOf(source)]);
    members.forEach(function (el) {
      var pane = paneOf(el);
      if (!pane || done.has(pane)) return;
      done.add(pane);
      show(el, pane, clicked);
    });
  }

  document.addEventListener("mouseover", function (event) {
    var el = event.target.closest ? event.target.closest("[data-b]") : null;
    var members = el ? group(el) : [];
    hovered = mark(hovered, "hl", members);
    if (el) reveal(el, members, false);
  });
  document.addEventListener("click", function (event) {
    var el = event.target.closest ? event.target.closest("[data-b]") : null;
    if (!el) return;
    var members = group(el);
    var same = pinned.length && pinned[0] === members[0] && pinned.length === members.length;
    pinned = mark(pinned, "pin", same ? [] : members);
    if (!same) reveal(el, members, true);
  });
  // A legend entry steps through its removals in the input pane, one per click.
  document.querySelectorAll("ul.legend li[data-reason]").forEach(function (item) {
    item.addEventListener("click", function () {
      var reason = item.getAttribute("data-reason");
      var selector = reason === "lost" ? "pre.raw .lost" : "pre.raw .rm[data-r=\"" + CSS.escape(reason) + "\"]";
      var found = item.closest("section.page").querySelectorAll(selector);
      if (!found.length) return;
      var at = (Number(item.getAttribute("data-at") || -1) + 1) % found.length;
      item.setAttribute("data-at", at);
      document.querySelectorAll(".flash").forEach(function (el) { el.classList.remove("flash"); });
      found[at].classList.add("flash");
      show(found[at], paneOf(found[at]), true);
    });
  });
  var kinds = document.getElementById("show-kinds");
  if (kinds) kinds.addEventListener("change", function () { document.body.classList.toggle("kinds", kinds.checked); });
})();
