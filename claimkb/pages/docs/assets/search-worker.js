// The site search's worker: the theme's own (Material for MkDocs), started on first use and
// with query words reduced to their stems.
//
// assets/search-on-demand.js starts this script where the theme starts its worker, with the
// theme's worker in the address (`?theme=`). This script loads that worker only when the
// first message arrives (the index, sent when a reader first goes to the search box), and
// then passes every message on to it.
//
// The theme's search looks each typed word up as the beginning of a word of the index
// ("Starts" finds "Starship-Starts" and "starting"), but never by its stem: "запуски" would
// not find "запусков", nor "Rechenzentren" "Rechenzentrum". So each plain word of a query is
// replaced by the shortest of its stems in the site's languages (the theme's own stemmers)
// that begins it, and is looked up as that stem: "запуски" as "запуск", which begins
// "запусков" and "запуски" alike. Words with query syntax (+, -, quotes, field:, ~, ^, *)
// are left as they are.
const here = new URL(self.location.href);
const theme = new URL(here.searchParams.get("theme") || "", here);
// The shortest stem kept: shorter ones would begin too many words.
const SHORTEST = 3;
const WORD = /^[\p{L}\p{N}]+$/u;
let languages = [];
let started = false;
let replaying = false;

if (theme.origin !== here.origin || !/\/workers\/search\.[\w.]+\.js$/.test(theme.pathname)) {
  throw new Error(`not the theme's search worker: ${theme.href}`);
}

// The theme's worker loads its language files relative to itself: addresses it gives are
// resolved against its own, not against this script's.
const nativeImportScripts = self.importScripts.bind(self);
self.importScripts = (...urls) => nativeImportScripts(...urls.map((url) => new URL(url, theme).href));

function stemmers() {
  const found = [];
  for (const language of languages) {
    const stemmer = language === "en" ? self.lunr.stemmer : self.lunr[language]?.stemmer;
    if (typeof stemmer === "function") {
      found.push(stemmer);
    }
  }
  return found;
}

function stem(word) {
  const lower = word.toLowerCase();
  let best = lower;
  for (const stemmer of stemmers()) {
    const stemmed = String(stemmer(new self.lunr.Token(lower, {})));
    if (stemmed.length >= SHORTEST && stemmed.length < best.length && lower.startsWith(stemmed)) {
      best = stemmed;
    }
  }
  return best;
}

function stemmed(query) {
  return query
    .split(/(\s+)/)
    .map((part) => (WORD.test(part) ? stem(part) : part))
    .join("");
}

function prepare(message) {
  if (message && message.type === 0 && message.data && message.data.config) {
    languages = [...message.data.config.lang];
  } else if (message && message.type === 2 && typeof message.data === "string" && self.lunr) {
    message.data = stemmed(message.data);
  }
  return message;
}

addEventListener("message", (event) => {
  if (replaying) {
    return;
  }
  prepare(event.data);
  if (!started) {
    // The theme's worker listens from now on; this first message is handed to it again.
    started = true;
    event.stopImmediatePropagation();
    nativeImportScripts(theme.href);
    replaying = true;
    try {
      dispatchEvent(new MessageEvent("message", { data: event.data }));
    } finally {
      replaying = false;
    }
  }
});
