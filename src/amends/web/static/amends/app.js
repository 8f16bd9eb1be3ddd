// amends page behaviour. No inline script anywhere (strict CSP), so everything lives here.
(function () {
  "use strict";

  // Drafts kept in this browser are keyed "amends:u<user id>:...", so one person's unsent words never
  // show to the next person signed in here. Quick exit and signing out clear them all.
  var DRAFT_PREFIX = "amends:";
  function clearDrafts() {
    try {
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var key = localStorage.key(i);
        if (key && key.indexOf(DRAFT_PREFIX) === 0) localStorage.removeItem(key);
      }
      sessionStorage.clear();
    } catch (e) { /* storage blocked: nothing was kept */ }
  }
  function draftOwner() { return document.body ? document.body.dataset.draftOwner || "" : ""; }

  // Quick exit: clear drafts, then replace this history entry so Back does not return here.
  function quickExit(event, signOut) {
    if (event) event.preventDefault();
    clearDrafts();
    var link = document.getElementById("quick-exit");
    if (signOut && navigator.sendBeacon) {
      // A beacon outlives the page, so signing out cannot slow the exit down.
      navigator.sendBeacon(signOut.action, new FormData(signOut));
    }
    document.body.innerHTML = "";
    window.location.replace(link ? link.href : "/neutral/");
  }
  var escapes = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    escapes = escapes.filter(function (t) { return now - t < 1500; });
    escapes.push(now);
    if (escapes.length >= 3) quickExit(event);
  });
  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-quick-exit]");
    if (target) quickExit(event);
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches && form.matches("[data-quick-exit-sign-out]")) quickExit(event, form);
    else if (form.matches && form.matches("[data-sign-out]")) clearDrafts();
  });
  // Signed out (sign-out without JavaScript, an expired session): nobody's drafts stay behind.
  document.addEventListener("DOMContentLoaded", function () {
    if (document.body && document.body.hasAttribute("data-draft-owner") && !draftOwner()) clearDrafts();
  });

  // Keep every draft in this browser too, so nothing typed is lost if the network or server drops.
  function storeDraft(area) {
    try { localStorage.setItem(area.dataset.autosaveKey, area.value); } catch (e) { /* storage full or blocked */ }
  }
  document.addEventListener("input", function (event) {
    if (event.target.dataset && event.target.dataset.autosaveKey) storeDraft(event.target);
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var el = event.detail.elt;
    if (el && el.dataset && el.dataset.autosaveKey && event.detail.successful) {
      try { localStorage.removeItem(el.dataset.autosaveKey); } catch (e) { /* ignore */ }
    }
    if (el && el.dataset && el.dataset.autosaveKey && !event.detail.successful) {
      var status = document.getElementById("status-" + el.name.replace("answer-", ""));
      var xhr = event.detail.xhr;
      var busy = xhr && (xhr.status === 503 || xhr.status === 502 || xhr.status === 504 || xhr.status === 429 || xhr.status === 0);
      if (status) {
        status.textContent = busy && navigator.onLine
          ? "The server is busy: kept in this browser, retrying shortly."
          : "Not saved yet: kept in this browser, will retry.";
      }
      if (busy && navigator.onLine) scheduleRetry(el, xhr);
    }
  });
  // A coach fragment refused for the rate limit (429) carries a message meant for the page: show it
  // where the feedback goes. Autosave's 429 is handled above: kept in this browser and retried.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var el = event.detail.elt, xhr = event.detail.xhr;
    if (xhr && xhr.status === 429 && !(el && el.dataset && el.dataset.autosaveKey)) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  // A busy or restarting server answers 503 with Retry-After; try again then, backing off to a minute.
  function scheduleRetry(el, xhr) {
    var advised = parseInt((xhr.getResponseHeader && xhr.getResponseHeader("Retry-After")) || "5", 10);
    var tries = (parseInt(el.dataset.retries || "0", 10) || 0) + 1;
    el.dataset.retries = String(tries);
    var wait = Math.min(60, Math.max(1, isNaN(advised) ? 5 : advised) * Math.min(tries, 12));
    clearTimeout(el._amendsRetry);
    el._amendsRetry = setTimeout(function () {
      if (window.htmx) window.htmx.trigger(el, "amends:retry");
    }, wait * 1000);
  }
  document.addEventListener("htmx:afterRequest", function (event) {
    var el = event.detail.elt;
    if (el && el.dataset && el.dataset.retries && event.detail.successful) delete el.dataset.retries;
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-autosave-key]").forEach(function (area) {
      var kept = null;
      try { kept = localStorage.getItem(area.dataset.autosaveKey); } catch (e) { kept = null; }
      if (kept !== null && kept !== area.value) {
        area.value = kept;
        area.dispatchEvent(new Event("input", { bubbles: true }));
      }
    });
  });
  window.addEventListener("online", function () {
    document.querySelectorAll("[data-autosave-key]").forEach(function (area) {
      var kept = null;
      try { kept = localStorage.getItem(area.dataset.autosaveKey); } catch (e) { kept = null; }
      if (kept !== null && window.htmx) window.htmx.trigger(area, "amends:retry");
    });
  });
})();
