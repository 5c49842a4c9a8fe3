/* The home page's figures when they were still being counted (templates dashboard/home.html): asks
   for them once, and puts them in place of the waiting box; on a failure, says so and offers a reload. */
(function () {
  "use strict";

  var box = document.getElementById("home-cards");
  if (!box || !box.dataset.src) {
    return;
  }
  fetch(box.dataset.src, { credentials: "same-origin", headers: { Accept: "text/html" } })
    .then(function (answer) { return answer.ok ? answer.text() : Promise.reject(answer.status); })
    .then(function (html) {
      var cards = document.createElement("div");
      cards.id = "home-cards";
      cards.innerHTML = html;
      box.replaceWith(cards);
    })
    .catch(function () {
      box.removeAttribute("aria-busy");
      box.querySelector(".pending-counting").hidden = true;
      box.querySelector(".pending-failed").hidden = false;
    });
})();
