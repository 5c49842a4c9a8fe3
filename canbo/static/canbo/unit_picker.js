/* canbo's unit picker: turns each <select data-unit-picker> (an indented list of the units in
   scope) into a text box with a tree list below it. Typing filters by name or code, with or
   without diacritics; the units matched are shown with their parents. Keys: ↓/↑ move, Enter
   chooses, Escape closes. The select stays in the form and carries the value, so without this
   script the page works with the plain select. */
(function () {
  "use strict";

  function fold(text) {
    return text.toLowerCase().replace(/đ/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/['’‘`ʼ]/g, "").replace(/\s+/g, " ").trim();
  }

  function enhance(select, index) {
    if (select.dataset.enhanced) return;
    select.dataset.enhanced = "1";
    var listId = "unit-picker-list-" + index;
    var input = document.createElement("input");
    input.type = "text";
    input.id = select.id;
    input.className = "unit-picker-input";
    input.autocomplete = "off";
    input.placeholder = select.dataset.placeholder || "";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    select.id = select.id + "-chon";
    select.hidden = true;
    select.setAttribute("aria-hidden", "true");
    select.tabIndex = -1;

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "unit-picker-list";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    var empty = document.createElement("li");
    empty.className = "unit-picker-empty";
    empty.textContent = select.dataset.empty || "";
    empty.hidden = true;

    var items = Array.prototype.map.call(select.options, function (option, i) {
      var item = document.createElement("li");
      item.id = listId + "-" + i;
      item.setAttribute("role", "option");
      item.dataset.value = option.value;
      item.textContent = option.textContent.trim();
      item.style.paddingLeft = (0.5 + 1.1 * Number(option.dataset.depth || 0)) + "rem";
      list.appendChild(item);
      return {
        item: item, option: option, depth: Number(option.dataset.depth || 0),
        search: option.dataset.search || "", name: item.textContent
      };
    });
    list.appendChild(empty);
    var wrap = document.createElement("div");
    wrap.className = "unit-picker";
    select.parentNode.insertBefore(wrap, select);
    wrap.appendChild(input);
    wrap.appendChild(list);
    wrap.appendChild(select);

    var active = -1;
    function chosenName() {
      var option = select.options[select.selectedIndex];
      return option && option.value ? option.textContent.trim() : "";
    }
    input.value = chosenName();

    function visible() {
      return items.filter(function (entry) { return !entry.item.hidden; });
    }
    function highlight(entry) {
      items.forEach(function (e) { e.item.classList.remove("active"); e.item.removeAttribute("aria-selected"); });
      if (!entry) { input.removeAttribute("aria-activedescendant"); return; }
      entry.item.classList.add("active");
      entry.item.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", entry.item.id);
      entry.item.scrollIntoView({ block: "nearest" });
    }
    function filter() {
      var words = fold(input.value === chosenName() ? "" : input.value).split(" ").filter(Boolean);
      var shown = items.map(function (entry) {
        return words.every(function (w) { return entry.search.indexOf(w) !== -1; });
      });
      // Show the parents of every unit matched, so each stays in its place in the tree.
      for (var i = items.length - 1; i > 0; i--) {
        if (!shown[i] || !words.length) continue;
        var depth = items[i].depth;
        for (var j = i - 1; j > 0 && depth > 0; j--) {
          if (items[j].depth < depth) { shown[j] = true; depth = items[j].depth; }
        }
      }
      items.forEach(function (entry, k) {
        entry.item.hidden = !(shown[k] || (!words.length) || k === 0);
        entry.item.classList.toggle("match", words.length > 0 && k > 0 &&
          words.every(function (w) { return entry.search.indexOf(w) !== -1; }));
      });
      empty.hidden = visible().length > 1 || !words.length;
      var first = visible().filter(function (e) { return e.item.classList.contains("match"); })[0];
      active = first ? items.indexOf(first) : -1;
      highlight(first);
    }
    function open() {
      if (!list.hidden) return;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      filter();
    }
    function close(restore) {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      highlight(null);
      if (restore) input.value = chosenName();
    }
    function choose(entry) {
      select.value = entry.option.value;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      input.value = chosenName();
      close(false);
    }
    function move(step) {
      var shown = visible();
      if (!shown.length) return;
      var at = shown.indexOf(items[active]);
      var next = shown[Math.max(0, Math.min(shown.length - 1, at + step))];
      if (at === -1) next = step > 0 ? shown[0] : shown[shown.length - 1];
      active = items.indexOf(next);
      highlight(next);
    }

    input.addEventListener("focus", open);
    input.addEventListener("click", open);
    input.addEventListener("input", function () { list.hidden ? open() : filter(); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); open(); move(1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); open(); move(-1); }
      else if (event.key === "Enter" && !list.hidden && active >= 0) { event.preventDefault(); choose(items[active]); }
      else if (event.key === "Escape" && !list.hidden) { event.preventDefault(); close(true); }
    });
    input.addEventListener("blur", function () { setTimeout(function () { close(true); }, 150); });
    list.addEventListener("mousedown", function (event) { event.preventDefault(); });
    list.addEventListener("click", function (event) {
      var target = event.target.closest("li[role=option]");
      if (target) choose(items.find(function (e) { return e.item === target; }));
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("select[data-unit-picker]"), enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
