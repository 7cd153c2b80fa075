// Site search costs a page nothing until a reader goes to the search box.
//
// The theme (Material for MkDocs) starts its search worker and asks for
// search/search_index.json as soon as a page loads; the worker then builds the index: the
// largest file of the site, and a second of work, on every page, for readers who never
// search. This script runs before the theme's and changes two things:
// - the request for the index is held back (its `send` deferred; every other request passes
//   untouched) until the search box gets focus (a click, a tap, the theme's keyboard
//   shortcuts) or the search toggle opens; then it goes out and the theme carries on as it
//   would have, showing "Initializing search" until the index is built and then the results
//   of what was typed meanwhile;
// - the theme's worker is started through assets/search-worker.js, which loads it only when
//   the index arrives and looks query words up by their stems (see there).
// The document's `data-search-index` attribute says "requested" once the index is asked for.
(() => {
  const INDEX = /\/search\/search_index\.json$/;
  const WORKER = /\/workers\/search\.[\w.]+\.js$/;
  const wrapper = new URL("search-worker.js", document.currentScript.src);
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const index = new WeakSet();
  const held = [];
  let wanted = false;

  function release() {
    if (wanted) {
      return;
    }
    wanted = true;
    document.documentElement.dataset.searchIndex = "requested";
    for (const [request, body] of held.splice(0)) {
      send.call(request, body);
    }
  }

  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (INDEX.test(new URL(String(url), document.baseURI).pathname)) {
      index.add(this);
    }
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (body) {
    if (!wanted && index.has(this)) {
      held.push([this, body]);
      return undefined;
    }
    return send.call(this, body);
  };

  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      const target = new URL(String(url), document.baseURI);
      if (target.origin === location.origin && WORKER.test(target.pathname)) {
        const address = new URL(wrapper);
        address.searchParams.set("theme", target.pathname);
        super(address, options);
      } else {
        super(url, options);
      }
    }
  };

  document.addEventListener("focusin", (event) => {
    if (event.target instanceof Element && event.target.matches("[data-md-component=search-query]")) {
      release();
    }
  });
  document.addEventListener("change", (event) => {
    const toggle = event.target;
    if (toggle instanceof HTMLInputElement && toggle.id === "__search" && toggle.checked) {
      release();
    }
  });
})();
