/* Suggestions for a cadre code field: each <input data-cadre-suggest="URL"> asks URL?q=… (the people
   in the user's scope whose name or code matches what is typed, with or without diacritics) after
   two letters and shows them below the field as "name (code) – post, unit", saying how many to a
   screen reader (the field's data-found). Keys: ↓/↑ move, Enter chooses, Escape closes. Choosing
   puts the code in the field; without this script the field takes a typed code as before. */
(function () {
  "use strict";

  function enhance(input, index) {
    var listId = "cadre-suggest-list-" + index;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "cadre-suggest-list";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    var status = document.createElement("span");  // what a screen reader says when suggestions come
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    var wrap = document.createElement("div");
    wrap.className = "cadre-suggest";
    input.parentNode.insertBefore(wrap, input);
    wrap.appendChild(input);
    wrap.appendChild(list);
    wrap.appendChild(status);
    input.autocomplete = "off";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var found = [], active = -1, timer = null, asked = 0;
    var asOf = new URLSearchParams(window.location.search).get("as_of");

    function highlight(at) {
      active = at;
      Array.prototype.forEach.call(list.children, function (item, i) {
        item.classList.toggle("active", i === at);
        if (i === at) { item.setAttribute("aria-selected", "true"); item.scrollIntoView({ block: "nearest" }); }
        else item.removeAttribute("aria-selected");
      });
      if (at >= 0) input.setAttribute("aria-activedescendant", listId + "-" + at);
      else input.removeAttribute("aria-activedescendant");
    }
    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      highlight(-1);
    }
    function show(hits) {
      found = hits;
      list.textContent = "";
      hits.forEach(function (hit, i) {
        var item = document.createElement("li");
        item.id = listId + "-" + i;
        item.setAttribute("role", "option");
        var name = document.createElement("strong");
        name.textContent = hit.ho_ten;
        item.appendChild(name);
        item.appendChild(document.createTextNode(" (" + hit.ma + ")" + (hit.cong_tac ? " – " + hit.cong_tac : "")));
        list.appendChild(item);
      });
      list.hidden = !hits.length;
      status.textContent = hits.length ? (input.dataset.found || "").replace("%(n)s", hits.length) : "";
      input.setAttribute("aria-expanded", hits.length ? "true" : "false");
      highlight(-1);
    }
    function ask() {
      var typed = input.value.trim();
      var number = ++asked;
      if (typed.replace(/\s/g, "").length < 2) { show([]); return; }
      var query = new URLSearchParams({ q: typed });
      if (asOf) query.set("as_of", asOf);
      fetch(input.dataset.cadreSuggest + "?" + query.toString(), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { goi_y: [] }; })
        .then(function (data) { if (number === asked) show(data.goi_y || []); })
        .catch(function () { if (number === asked) show([]); });
    }
    function choose(at) {
      input.value = found[at].ma;
      close();
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 200);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") { event.preventDefault(); highlight(Math.min(found.length - 1, active + 1)); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(Math.max(0, active - 1)); }
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); choose(active); }
      else if (event.key === "Escape") { event.preventDefault(); close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    list.addEventListener("mousedown", function (event) { event.preventDefault(); });
    list.addEventListener("click", function (event) {
      var item = event.target.closest("li[role=option]");
      if (item) choose(Array.prototype.indexOf.call(list.children, item));
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-cadre-suggest]"), enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
