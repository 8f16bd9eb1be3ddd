// Commitment form: show only the schedule fields for the chosen frequency, and ask the feasibility
// question in its words. Without JavaScript every field shows and the server ignores the ones that do not apply.
(function () {
  "use strict";
  function init() {
    var radios = document.querySelectorAll('input[name="kind"]');
    if (!radios.length) return;
    var question = document.getElementById("keep-question");
    var questions = question ? JSON.parse(question.dataset.keepQuestions) : {};
    function update() {
      var checked = document.querySelector('input[name="kind"]:checked');
      var kind = checked ? checked.value : "";
      document.querySelectorAll("[data-for-kind]").forEach(function (field) {
        // A field with an error stays in view, so the person can see what to fix.
        field.hidden = field.dataset.forKind !== kind && !field.classList.contains("has-error");
      });
      if (question && questions[kind]) question.textContent = questions[kind];
    }
    radios.forEach(function (radio) { radio.addEventListener("change", update); });
    update();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
