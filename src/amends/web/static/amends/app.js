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

  // The service worker (sw.js) keeps static assets and the offline page only. It is installed for a
  // signed-in person, and signing out or the quick exit removes it with everything it kept.
  function clearOffline() {
    var done = [];
    if (window.caches) {
      done.push(caches.keys().then(function (keys) {
        return Promise.all(keys.map(function (key) { return caches.delete(key); }));
      }));
    }
    if (navigator.serviceWorker) {
      done.push(navigator.serviceWorker.getRegistrations().then(function (registrations) {
        return Promise.all(registrations.map(function (r) { return r.unregister(); }));
      }));
    }
    return Promise.all(done).catch(function () { /* nothing kept, or storage blocked */ });
  }
  window.addEventListener("load", function () {
    if (!navigator.serviceWorker || !document.body || !document.body.hasAttribute("data-draft-owner")) return;
    if (draftOwner()) navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () { /* not offered */ });
    else clearOffline();
  });

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
    // The page is blank at once; the cache is cleared before leaving, waiting at most a moment for it.
    // (The neutral page's answer asks the browser to clear it too, so a slow clear is finished there.)
    var leave = function () { window.location.replace(link ? link.href : "/neutral/"); };
    Promise.race([clearOffline(), new Promise(function (done) { setTimeout(done, 300); })]).then(leave, leave);
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
    else if (form.matches && form.matches("[data-sign-out]")) { clearDrafts(); clearOffline(); }
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
  // An autosave that did not save is one of three things, and the person is told which:
  // - a network failure (no answer at all): kept in this browser, sent again when the connection returns;
  // - a busy server (429, 502-504): kept in this browser and retried after Retry-After;
  // - a refusal (any other 4xx, e.g. over the length limit): the server's reason is shown, and it is
  //   never retried, since the same text would be refused again. It is kept in the field and this browser.
  function autosaveOutcome(xhr) {
    var code = xhr ? xhr.status : 0;
    if (code >= 200 && code < 300) return "saved";
    if (code === 0 || !navigator.onLine) return "offline";
    if (code === 429 || code === 502 || code === 503 || code === 504) return "busy";
    return code >= 400 && code < 500 ? "refused" : "failed";
  }
  function refusalReason(xhr) {
    // The refusal is the save-status fragment; read its text without running anything in it.
    var doc = new DOMParser().parseFromString((xhr && xhr.responseText) || "", "text/html");
    var said = doc.querySelector(".error");
    return said && said.textContent.trim() ? said.textContent.trim() : "The server refused this text.";
  }
  document.addEventListener("htmx:afterRequest", function (event) {
    var el = event.detail.elt, xhr = event.detail.xhr;
    if (!(el && el.dataset && el.dataset.autosaveKey)) return;
    var outcome = autosaveOutcome(xhr);
    var status = document.getElementById("status-" + el.name.replace("answer-", ""));
    if (status) status.classList.toggle("error", outcome === "refused" || outcome === "failed");
    if (outcome === "saved") {
      delete el.dataset.refused;
      try { localStorage.removeItem(el.dataset.autosaveKey); } catch (e) { /* ignore */ }
      return;
    }
    if (outcome === "refused") {
      el.dataset.refused = "1";
      clearTimeout(el._amendsRetry);
      delete el.dataset.retries;
    } else if (outcome === "busy" || (outcome === "offline" && navigator.onLine)) {
      scheduleRetry(el, xhr);
    }
    if (!status) return;
    status.textContent = {
      refused: "Not saved: the server refused it. " + refusalReason(xhr),
      busy: "The server is busy: kept in this browser, retrying shortly.",
      offline: navigator.onLine
        ? "Not saved yet: the server could not be reached. Kept in this browser, retrying shortly."
        : "Not saved yet: no connection. Kept in this browser; it is sent when you are back online.",
      failed: "Not saved: something went wrong on the server. Kept in this browser; change the text to try again."
    }[outcome];
  });
  // A refused draft is tried again only once the person changes it.
  document.addEventListener("input", function (event) {
    if (event.target.dataset && event.target.dataset.refused) delete event.target.dataset.refused;
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
      if (kept !== null && !area.dataset.refused && window.htmx) window.htmx.trigger(area, "amends:retry");
    });
  });
})();
