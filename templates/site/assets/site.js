/* The catalogue site's one script, plain JavaScript with no framework. Every page reads
   fine without it: it adds the index's filter and search, reveals hints one at a time,
   wires the copy buttons and asks the vendored Mermaid to draw the class diagram. */
(function () {
  "use strict";

  function filterIndex(form) {
    var section = document.getElementById("filter-section");
    var difficulty = document.getElementById("filter-difficulty");
    var text = document.getElementById("filter-text");
    var count = document.getElementById("filter-count");
    var cards = Array.prototype.slice.call(document.querySelectorAll(".card"));

    function apply() {
      var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
      var filtering = Boolean(difficulty.value || words.length);
      var shown = 0;
      cards.forEach(function (card) {
        var visible =
          (!section.value || card.dataset.section === section.value) &&
          (!difficulty.value || card.dataset.difficulty === difficulty.value) &&
          words.every(function (word) { return card.dataset.search.indexOf(word) !== -1; });
        card.hidden = !visible;
        if (visible) { shown += 1; }
      });
      document.querySelectorAll("section.section").forEach(function (block) {
        var own = block.querySelectorAll(".card").length;
        var visible = block.querySelectorAll(".card:not([hidden])").length;
        var chosen = !section.value || block.dataset.section === section.value;
        block.hidden = !chosen || (filtering && !section.value && visible === 0);
        var none = block.querySelector(".no-match");
        if (none) { none.hidden = !(own && visible === 0); }
      });
      count.textContent = shown + (shown === 1 ? " kata" : " katas") + " shown of " + cards.length;
    }

    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    [section, difficulty].forEach(function (el) { el.addEventListener("change", apply); });
    text.addEventListener("input", apply);
    apply();
  }

  function hintsOneAtATime(list) {
    var items = Array.prototype.slice.call(list.querySelectorAll("li"));
    function reveal() {
      // Hint n+1 appears once hint n has been opened (or was seen before: baked in open).
      var previousOpened = true;
      items.forEach(function (item) {
        var details = item.querySelector("details");
        if (details.open) { details.dataset.opened = "yes"; }
        item.hidden = !previousOpened;
        previousOpened = previousOpened && details.dataset.opened === "yes";
      });
    }
    items.forEach(function (item) {
      item.querySelector("details").addEventListener("toggle", reveal);
    });
    reveal();
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var done = document.execCommand("copy");
      document.body.removeChild(area);
      if (done) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  function copyButton(button) {
    var label = button.firstChild.nodeValue;
    button.hidden = false;
    button.addEventListener("click", function () {
      copyText(button.dataset.copy).then(
        function () { button.firstChild.nodeValue = "Copied"; },
        function () { button.firstChild.nodeValue = "Select and copy"; }
      );
      window.setTimeout(function () { button.firstChild.nodeValue = label; }, 2000);
    });
  }

  function drawDiagrams() {
    var blocks = Array.prototype.slice.call(document.querySelectorAll("pre.mermaid"));
    if (!blocks.length || !window.mermaid) { return; }
    blocks.forEach(function (block) { block.dataset.source = block.textContent; });
    var scheme = window.matchMedia("(prefers-color-scheme: dark)");
    function draw() {
      blocks.forEach(function (block) {
        block.removeAttribute("data-processed");
        block.textContent = block.dataset.source;
      });
      window.mermaid.initialize({
        startOnLoad: false,
        securityLevel: "strict",
        theme: scheme.matches ? "dark" : "default",
      });
      window.mermaid.run({ nodes: blocks }).then(function () {
        blocks.forEach(function (block) {
          var svg = block.querySelector("svg");
          if (svg) {
            svg.setAttribute("role", "img");
            svg.setAttribute("aria-label", "Class diagram");
          }
        });
      });
    }
    if (scheme.addEventListener) { scheme.addEventListener("change", draw); }
    draw();
  }

  var form = document.getElementById("filters");
  if (form) { filterIndex(form); }
  document.querySelectorAll("ol.hints").forEach(hintsOneAtATime);
  document.querySelectorAll("button.copy").forEach(copyButton);
  drawDiagrams();
})();
