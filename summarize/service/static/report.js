// Clicking, hovering or focusing a number in the article shows its evidence card. Without
// script every card stays visible in the panel and each number links to its card.
(function () {
  "use strict";
  document.body.classList.add("js");
  var cards = document.querySelectorAll(".claim-card");
  var marks = document.querySelectorAll("a.claim");
  function show(index) {
    cards.forEach(function (c) { c.classList.toggle("active", c.id === "claim-" + index); });
    marks.forEach(function (m) { m.classList.toggle("selected", m.dataset.claim === index); });
  }
  marks.forEach(function (m) {
    m.addEventListener("click", function (e) { e.preventDefault(); show(m.dataset.claim); });
    m.addEventListener("mouseenter", function () { show(m.dataset.claim); });
    m.addEventListener("focus", function () { show(m.dataset.claim); });
  });
  var form = document.querySelector("form.input");
  if (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button");
      button.disabled = true;
      button.textContent = "Working…";
    });
  }
})();
