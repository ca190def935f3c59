/* Broadsheet default theme: font-size switch. The pages work without this file. */
(function () {
  "use strict";
  var KEY = "broadsheet-font-step", MIN = -1, MAX = 3; /* 87.5% … 137.5% in steps of 12.5% */
  var root = document.documentElement;

  function load() {
    try { var n = parseInt(window.localStorage.getItem(KEY), 10); return isNaN(n) ? 0 : n; }
    catch (e) { return 0; } /* storage blocked (private mode, file://, policies) */
  }
  function save(step) {
    try { window.localStorage.setItem(KEY, String(step)); } catch (e) { /* not persisted, fine */ }
  }
  function clamp(step) { return Math.max(MIN, Math.min(MAX, step)); }

  var step = clamp(load());
  function apply() {
    root.style.fontSize = step === 0 ? "" : (100 + 12.5 * step) + "%";
  }
  apply(); /* as early as this script runs */

  function init() {
    var box = document.querySelector(".font-size");
    if (!box) { return; }
    var buttons = box.querySelectorAll("button[data-step]");
    function mark() {
      for (var i = 0; i < buttons.length; i++) {
        var d = parseInt(buttons[i].getAttribute("data-step"), 10);
        buttons[i].setAttribute("aria-disabled", String(clamp(step + d) === step));
      }
    }
    box.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button[data-step]") : null;
      if (!button) { return; }
      step = clamp(step + (parseInt(button.getAttribute("data-step"), 10) || 0));
      apply();
      save(step);
      mark();
    });
    mark();
    box.hidden = false;
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
