// Decider's own script: small touches on top of htmx. The pages work without it.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Live previews swap a whole panel each time the answers change. Screen readers hear
  // only one short sentence (the panel's data-announce) in the status region beside it,
  // and only when that sentence changes, never the whole panel again.
  var STATUS_FOR = { preview: "verdict-status", analysis: "review-status" };

  function announce(target) {
    var status = document.getElementById(STATUS_FOR[target.id]);
    var source = target.querySelector("[data-announce]");
    if (!status || !source) return;
    var sentence = source.getAttribute("data-announce");
    // The first verdict, on page load, is on screen already: remember it, say nothing.
    if (!status.hasAttribute("data-last")) {
      status.setAttribute("data-last", sentence);
    } else if (status.getAttribute("data-last") !== sentence) {
      status.setAttribute("data-last", sentence);
      status.textContent = sentence;
    }
  }

  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail.target;
    if (target && STATUS_FOR[target.id]) announce(target);
  });
})();
