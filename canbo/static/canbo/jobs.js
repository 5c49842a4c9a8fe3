/* Follows a running job (templates jobs/progress.html): asks for its state every second, moves the
   bar and the message, and opens the page named by data-then (this page by default) when it ends. */
(function () {
  "use strict";

  function follow(box) {
    var bar = box.querySelector("progress");
    var percent = box.querySelector(".job-percent");
    var message = box.querySelector(".job-message");
    function ask() {
      fetch(box.dataset.jobState, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (answer) { return answer.ok ? answer.json() : Promise.reject(answer.status); })
        .then(function (job) {
          bar.value = job.phan_tram;
          bar.textContent = job.phan_tram + "%";
          percent.textContent = job.phan_tram + "%";
          message.textContent = job.dang_lam || job.nhan;
          if (job.trang_thai === "cho" || job.trang_thai === "dang_chay") {
            window.setTimeout(ask, 1000);
          } else {
            window.location.assign(box.dataset.then || window.location.href);
          }
        })
        .catch(function () { window.setTimeout(ask, 3000); });
    }
    window.setTimeout(ask, 500);
  }

  document.querySelectorAll("[data-job-state]").forEach(follow);
})();
