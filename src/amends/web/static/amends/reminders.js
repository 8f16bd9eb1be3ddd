/* Reminders while an amends tab is open: the neutral in-app notice and, if the person asked for it and
   allowed it, a browser notification (the Notifications API; nothing goes through anyone else's push
   service). The server decides what may be said and when (quiet hours); this only shows it. Every
   text comes from the server's neutral sentence, so nothing about a repair can reach the screen. */
(function () {
  "use strict";
  var SEEN = "amends-reminder-key";
  var DISMISSED = "amends-reminder-dismissed";

  function supported() {
    return typeof window.Notification === "function";
  }

  function notify(data) {
    if (!data.notify || !data.key || !supported() || window.Notification.permission !== "granted") {
      return;
    }
    var last = null;
    try { last = window.sessionStorage.getItem(SEEN); } catch (e) { /* storage off: notify anyway */ }
    if (last === data.key) {
      return; // this tab already said so for what is due now
    }
    try { window.sessionStorage.setItem(SEEN, data.key); } catch (e) { /* ignore */ }
    var note = new window.Notification(data.text, { tag: "amends-reminder" });
    note.onclick = function () {
      window.focus(); // back to the tab, where the notice links on; nothing opens by itself
      note.close();
    };
  }

  function dismissedKey() {
    try { return window.sessionStorage.getItem(DISMISSED); } catch (e) { return null; }
  }

  function start(box) {
    var url = box.getAttribute("data-reminders-poll");
    var current = null; // the key of what is waiting now, as the last poll said
    var close = box.querySelector("[data-reminder-dismiss]");
    if (close) {
      // Hidden for this tab's session until something new is waiting: on a phone the notice sits over
      // the page, and the page itself already lists what waits.
      close.addEventListener("click", function () {
        try { window.sessionStorage.setItem(DISMISSED, current || ""); } catch (e) { /* storage off: hide for this page */ }
        box.hidden = true;
      });
    }
    function poll() {
      window.fetch(url, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data) {
            return; // signed out or locked: stop until the next page load
          }
          current = data.key || "";
          box.hidden = !(data.in_app && data.waiting) || dismissedKey() === current;
          notify(data);
          if (data.poll_seconds) {
            window.setTimeout(poll, data.poll_seconds * 1000);
          }
        })
        .catch(function () { window.setTimeout(poll, 5 * 60 * 1000); });
    }
    poll();
  }

  function permissionPanel(panel) {
    if (!supported()) {
      return;
    }
    var state = panel.querySelector("[data-notification-state]");
    var ask = panel.querySelector("[data-notification-ask]");
    function show() {
      var p = window.Notification.permission;
      state.textContent = p === "granted" ? "Browser notifications are allowed in this browser."
        : p === "denied" ? "This browser blocks notifications from amends. You can allow them in the browser's site settings."
        : "Browser notifications are not allowed in this browser yet.";
      ask.hidden = p !== "default";
    }
    ask.addEventListener("click", function () {
      window.Notification.requestPermission().then(show);
    });
    panel.hidden = false;
    show();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector("[data-reminders-poll]");
    if (box) {
      start(box);
    }
    var panel = document.querySelector("[data-notification-permission]");
    if (panel) {
      permissionPanel(panel);
    }
  });
})();
