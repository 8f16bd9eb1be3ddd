// amends service worker. It keeps the static assets and the offline page, and nothing else: every
// page is fetched from the network each time and never stored, because pages hold people's words.
"use strict";
const VERSION = {{ version|safe }};
const CACHE = "amends-static-" + VERSION;
const ASSETS = {{ assets|safe }};
const OFFLINE = {{ offline|safe }};

self.addEventListener("install", (event) => {
  // credentials "omit": the offline page is fetched signed out, so the stored copy has no one's name.
  const requests = ASSETS.concat([OFFLINE]).map((url) => new Request(url, { credentials: "omit" }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (ASSETS.includes(url.pathname) && !url.search) {
    event.respondWith(
      caches.open(CACHE).then((cache) => cache.match(url.pathname)).then((hit) => hit || fetch(request))
    );
    return;
  }
  if (request.mode === "navigate") {
    // Network only; the offline page stands in when there is no network. Nothing is put in the cache.
    event.respondWith(
      fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match(OFFLINE)))
    );
  }
  // Anything else (htmx fragments, autosave, charts, exports) goes to the network as if no worker were here.
});
