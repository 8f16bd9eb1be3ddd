// The time-out's breathing guide: a countdown to the time already shown on the page, and cues that
// follow the circle (in for four seconds, out for six). Without JavaScript the page still shows the
// steps and the time to come back; this only adds the moving parts.
(function () {
  "use strict";
  const box = document.querySelector("[data-timer-ends]");
  if (!box) return;
  const ends = new Date(box.getAttribute("data-timer-ends"));
  const cue = box.querySelector(".breath-cue");
  const left = box.querySelector("[data-timer-left]");
  if (isNaN(ends.getTime())) return;
  box.classList.add("is-running");
  left.hidden = false;
  const started = Date.now();

  function tick() {
    const remaining = Math.max(0, Math.round((ends.getTime() - Date.now()) / 1000));
    const minutes = Math.floor(remaining / 60);
    const seconds = String(remaining % 60).padStart(2, "0");
    if (remaining === 0) {
      left.textContent = "Your twenty minutes are up. Come back when you are ready, and say so.";
      box.classList.remove("is-running");
      cue.textContent = "Well done for taking the break.";
      return false;
    }
    left.textContent = minutes + ":" + seconds + " left";
    const phase = ((Date.now() - started) / 1000) % 10;
    cue.textContent = phase < 4 ? "Breathe in\u2026" : "Breathe out\u2026";
    return true;
  }

  if (tick()) {
    const timer = window.setInterval(function () {
      if (!tick()) window.clearInterval(timer);
    }, 500);
  }
})();
