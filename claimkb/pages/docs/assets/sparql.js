// The SPARQL page: loads the knowledge base into Oxigraph (WebAssembly, served by this site)
// and runs queries in the browser.
//
// Everything from the knowledge base, the queries and the engine's messages reaches the page
// through textContent, never as markup. The page's settings (the file to load, the project's
// prefixes, the example queries) come from the JSON element #sparql-config written by
// kb/site_sparql.py. The engine is imported dynamically so that a missing or broken engine
// shows a message instead of a silent page.

const ENGINE = new URL("./vendor/oxigraph/web.js", import.meta.url);
// Longest engine message shown in full: its lists of expected tokens can run to pages.
const MESSAGE_CHARS = 300;

const config = JSON.parse(document.getElementById("sparql-config").textContent);
const editor = document.getElementById("sparql-query");
const runButton = document.getElementById("sparql-run");
const statusLine = document.getElementById("sparql-status");
const results = document.getElementById("sparql-results");
const examples = new Map(config.queries.map((query) => [query.name, query]));

let store = null;

function setStatus(text, isError = false) {
  statusLine.textContent = text;
  statusLine.classList.toggle("sparql-error", isError);
}

function count(n) {
  return n.toLocaleString("en");
}

// The query with a declaration, on one line before it, of every project prefix it does not
// declare itself; `shift` is how many lines were added, to correct positions in errors.
function withPrefixes(text) {
  const declared = new Set();
  for (const match of text.matchAll(/^\s*PREFIX\s+([A-Za-z][\w.-]*)?\s*:/gim)) {
    declared.add(match[1] || "");
  }
  const missing = Object.entries(config.prefixes)
    .filter(([prefix]) => !declared.has(prefix))
    .map(([prefix, namespace]) => `PREFIX ${prefix}: <${namespace}>`);
  if (missing.length === 0) {
    return { text, shift: 0 };
  }
  return { text: `${missing.join(" ")}\n${text}`, shift: 1 };
}

// One line saying where and why a query failed, with line numbers of the text as typed.
function errorMessage(error, text, shift) {
  let message = String(error && error.message ? error.message : error);
  const at = /^error at (\d+):(\d+): ([\s\S]*)$/.exec(message);
  if (at) {
    const line = Number(at[1]) - shift;
    const column = Number(at[2]);
    let why = at[3];
    if (why.includes("Prefix not found")) {
      const before = (text.split("\n")[line - 1] || "").slice(0, column - 1).trimEnd();
      const prefixed = /([A-Za-z][\w.-]*)?:[\w.-]*$/.exec(before);
      why = prefixed
        ? `unknown prefix '${prefixed[1] || ""}:': declare it with PREFIX`
        : "unknown prefix: declare it with PREFIX";
    }
    message = `line ${line}, column ${column}: SPARQL syntax error: ${why}`;
  }
  message = message.split(/\s+/).join(" ");
  if (message.length > MESSAGE_CHARS) {
    message = `${message.slice(0, MESSAGE_CHARS - 1)}…`;
  }
  return message;
}

// An IRI in a project prefix's short form where one fits, else in full.
function compact(iri) {
  let best = null;
  for (const [prefix, namespace] of Object.entries(config.prefixes)) {
    if (iri.startsWith(namespace) && (!best || namespace.length > best[1].length)) {
      best = [prefix, namespace];
    }
  }
  if (best) {
    const local = iri.slice(best[1].length);
    if (/^[A-Za-z0-9_][\w.-]*$/.test(local) && !local.endsWith(".")) {
      return `${best[0]}:${local}`;
    }
  }
  return `<${iri}>`;
}

function termText(term) {
  if (term === undefined || term === null) {
    return "";
  }
  switch (term.termType) {
    case "NamedNode":
      return compact(term.value);
    case "BlankNode":
      return `_:${term.value}`;
    case "Literal":
      return term.value;
    case "Quad":
      return `<< ${termText(term.subject)} ${termText(term.predicate)} ${termText(term.object)} >>`;
    default:
      return String(term.value);
  }
}

function termTitle(term) {
  if (term && term.termType === "Literal") {
    return term.language ? `@${term.language}` : compact(term.datatype.value);
  }
  if (term && term.termType === "NamedNode") {
    return term.value;
  }
  return "";
}

// Column names and rows of terms for every kind of result: SELECT, ASK, CONSTRUCT/DESCRIBE.
function tabulate(result, text) {
  if (typeof result === "boolean") {
    return { columns: ["ask"], rows: [[String(result)]] };
  }
  if (result.length === 0) {
    // No row tells the column names: the SPARQL JSON results of the same query do.
    const parsed = JSON.parse(store.query(text, { results_format: "json" }));
    const columns = parsed.head ? parsed.head.vars : ["subject", "predicate", "object"];
    return { columns, rows: [] };
  }
  if (result[0] instanceof Map) {
    const columns = [...result[0].keys()];
    return { columns, rows: result.map((solution) => columns.map((c) => solution.get(c))) };
  }
  return {
    columns: ["subject", "predicate", "object"],
    rows: result.map((quad) => [quad.subject, quad.predicate, quad.object]),
  };
}

function cell(tag, value) {
  const element = document.createElement(tag);
  if (typeof value === "string") {
    element.textContent = value;
  } else {
    element.textContent = termText(value);
    const title = termTitle(value);
    if (title) {
      element.title = title;
    }
  }
  return element;
}

function showTable(columns, rows) {
  const table = document.createElement("table");
  table.id = "sparql-table";
  const head = table.createTHead().insertRow();
  for (const name of columns) {
    head.appendChild(cell("th", name));
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const value of row) {
      tr.appendChild(cell("td", value));
    }
  }
  results.replaceChildren(table);
}

function run() {
  if (!store) {
    return;
  }
  const typed = editor.value;
  const { text, shift } = withPrefixes(typed);
  results.replaceChildren();
  let result;
  const started = performance.now();
  try {
    result = store.query(text);
  } catch (error) {
    setStatus(errorMessage(error, typed, shift), true);
    return;
  }
  const took = performance.now() - started;
  const { columns, rows } = tabulate(result, text);
  showTable(columns, rows);
  const noun = rows.length === 1 ? "row" : "rows";
  setStatus(`${count(rows.length)} ${noun} in ${took.toFixed(1)} ms`);
}

function choose(name) {
  const query = examples.get(name);
  if (!query) {
    return;
  }
  editor.value = query.text;
  run();
  editor.scrollIntoView({ block: "start" });
}

async function start() {
  if (location.protocol === "file:") {
    setStatus(
      "Browsers do not run this page from a file: serve the site, e.g. " +
        "`python -m http.server -d build/site`, and open it over http.",
      true,
    );
    return;
  }
  for (const button of document.querySelectorAll("button.sparql-example")) {
    button.addEventListener("click", () => choose(button.dataset.query));
  }
  runButton.addEventListener("click", run);
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  });
  if (!editor.value && config.queries.length > 0) {
    editor.value = config.queries[0].text;
  }
  let oxigraph;
  try {
    oxigraph = await import(ENGINE.href);
    await oxigraph.default();
  } catch (error) {
    setStatus(`Cannot start the SPARQL engine (${ENGINE.pathname}): ${error}`, true);
    return;
  }
  const data = new URL(config.data.url, document.baseURI);
  try {
    const started = performance.now();
    const response = await fetch(data);
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
    const turtle = await response.text();
    const fetched = performance.now();
    // A fresh store needs no transaction, and the file was parsed and validated by the
    // build already: both options save about a quarter of the loading time.
    const loading = new oxigraph.Store();
    loading.load(turtle, {
      format: config.data.format,
      base_iri: data.href,
      lenient: true,
      no_transaction: true,
    });
    const loaded = performance.now();
    store = loading;
    document.body.dataset.sparqlLoadMs = (loaded - started).toFixed(1);
    setStatus(
      `Loaded ${count(store.size)} triples from ${data.pathname.split("/").pop()} in ` +
        `${(loaded - started).toFixed(0)} ms (parsing ${(loaded - fetched).toFixed(0)} ms). ` +
        "Ready.",
    );
  } catch (error) {
    setStatus(`Cannot load the knowledge base from ${data.pathname}: ${error}`, true);
    return;
  }
  runButton.disabled = false;
}

start();
