// The SPARQL page: loads the knowledge base into Oxigraph (WebAssembly, served by this site)
// and runs queries in the browser.
//
// Everything from the knowledge base, the queries and the engine's messages reaches the page
// through textContent, never as markup; links get their address from the page's own rules.
// The page's settings (the file to load, the project's prefixes, the example queries, how
// IRIs link to pages, unit symbols, the CSV rule) come from the JSON element #sparql-config
// written by claimkb/pages/sparql.py. The engine is imported dynamically so that a missing or
// broken engine shows a message instead of a silent page.
//
// The engine's WebAssembly and the knowledge base download side by side, their bytes counted
// into one progress bar; the status line (polite) says when a quarter more has arrived. An
// example clicked (or Ctrl+Enter pressed) before they are loaded fills the editor and runs
// when loading is done.

const ENGINE = new URL("./vendor/oxigraph/web.js", import.meta.url);
// Longest engine message shown in full: its lists of expected tokens can run to pages.
const MESSAGE_CHARS = 300;
const CSV_FILE = "sparql-results.csv";

const config = JSON.parse(document.getElementById("sparql-config").textContent);
const editor = document.getElementById("sparql-query");
const runButton = document.getElementById("sparql-run");
const csvButton = document.getElementById("sparql-csv");
const statusLine = document.getElementById("sparql-status");
const results = document.getElementById("sparql-results");
const loadingBox = document.getElementById("sparql-loading");
const progressBar = document.getElementById("sparql-progress");
const progressText = document.getElementById("sparql-progress-text");
const examples = new Map(config.queries.map((query) => [query.name, query]));
const pageRules = config.pages.map((rule) => ({
  namespace: rule.namespace,
  id: new RegExp(`^(?:${rule.pattern})$`),
  url: rule.url,
}));
const plainNumber = new RegExp(`^(?:${config.csv.plainNumber})$`);

let store = null;
// Why loading failed, when it did: said again when a query is asked for.
let failure = null;
// What runs once loading is done: the editor's query, when an example was chosen (or a run
// asked for) before the store was ready; its name, for the status line.
let pending = null;
// The bytes of each download: loaded, and the total where the server tells it.
const downloads = { engine: { loaded: 0, total: null }, data: { loaded: 0, total: null } };
let announcedQuarter = 0;
// The table shown, as text, for the CSV download.
let shown = null;

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

function megabytes(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

// The line that says what is loading and, when an example waits, that it will run.
function loadingStatus(text) {
  const waiting = pending ? ` The query ${pending} runs as soon as it is loaded.` : "";
  setStatus(`${text}${waiting}`);
}

function showProgress() {
  const parts = Object.values(downloads);
  const loaded = parts.reduce((sum, part) => sum + part.loaded, 0);
  const known = parts.every((part) => part.total !== null);
  if (known) {
    const total = parts.reduce((sum, part) => sum + part.total, 0);
    progressBar.max = total;
    progressBar.value = Math.min(loaded, total);
    progressText.textContent = `${megabytes(loaded)} of ${megabytes(total)}`;
    const quarter = Math.floor((4 * Math.min(loaded, total)) / total);
    if (quarter > announcedQuarter && quarter < 4) {
      announcedQuarter = quarter;
      loadingStatus(`Loading the knowledge base: ${quarter * 25} % of ${megabytes(total)}.`);
    }
  } else {
    progressBar.removeAttribute("value");
    progressText.textContent = megabytes(loaded);
  }
}

// A response whose body counts its bytes into `part` as they arrive. A compressed
// response's length is that of the compressed bytes, not of those the stream gives: its
// total stays unknown.
async function counted(url, part) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`HTTP ${response.status}`);
  }
  const length = Number(response.headers.get("Content-Length"));
  part.total = length > 0 && !response.headers.get("Content-Encoding") ? length : null;
  showProgress();
  if (!response.body) {
    return response;
  }
  const counter = new TransformStream({
    transform(chunk, controller) {
      part.loaded += chunk.byteLength;
      showProgress();
      controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(counter), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

// The site page of what an IRI names (a claim, a source), relative to this page, or null.
function pageOf(iri) {
  for (const rule of pageRules) {
    if (iri.startsWith(rule.namespace)) {
      let id;
      try {
        id = decodeURIComponent(iri.slice(rule.namespace.length));
      } catch {
        return null;
      }
      return rule.id.test(id) ? `${rule.url}${id}/` : null;
    }
  }
  return null;
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
      return config.units[term.value] || compact(term.value);
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
    const url = value && value.termType === "NamedNode" ? pageOf(value.value) : null;
    let holder = element;
    if (url) {
      holder = document.createElement("a");
      holder.href = url;
      element.appendChild(holder);
    }
    holder.textContent = termText(value);
    const title = termTitle(value);
    if (title) {
      element.title = title;
    }
  }
  return element;
}

// A CSV cell: a cell a spreadsheet would read as a formula gets a leading apostrophe
// (plain numbers excepted), the rule of `claimkb query --format csv`; quoted per RFC 4180
// where it holds a quote, comma or line break.
function csvCell(text) {
  let cellText = text;
  if (cellText && config.csv.formulaStart.includes(cellText[0]) && !plainNumber.test(cellText)) {
    cellText = `'${cellText}`;
  }
  return /[",\n\r]/.test(cellText) ? `"${cellText.replaceAll('"', '""')}"` : cellText;
}

function downloadCsv() {
  if (!shown) {
    return;
  }
  const lines = [shown.columns, ...shown.rows].map((row) => row.map(csvCell).join(","));
  const blob = new Blob([`${lines.join("\n")}\n`], { type: "text/csv;charset=utf-8" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = CSV_FILE;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

function showTable(columns, rows) {
  shown = {
    columns: [...columns],
    rows: rows.map((row) => row.map((value) => (typeof value === "string" ? value : termText(value)))),
  };
  csvButton.disabled = false;
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

function fail(message) {
  failure = message;
  loadingBox.hidden = true;
  setStatus(message, true);
}

function run() {
  if (failure) {
    setStatus(failure, true);
    return;
  }
  if (!store) {
    pending = pending || "in the editor";
    loadingStatus("Loading the knowledge base…");
    return;
  }
  const typed = editor.value;
  const { text, shift } = withPrefixes(typed);
  results.replaceChildren();
  shown = null;
  csvButton.disabled = true;
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
  if (!store && !failure) {
    pending = `“${name}”`;
  }
  run();
  editor.scrollIntoView({ block: "start" });
}

async function start() {
  if (location.protocol === "file:") {
    fail(
      "Browsers do not run this page from a file: serve the site, e.g. " +
        "`python -m http.server -d build/site`, and open it over http.",
    );
    return;
  }
  for (const button of document.querySelectorAll("button.sparql-example")) {
    button.addEventListener("click", () => choose(button.dataset.query));
  }
  runButton.addEventListener("click", run);
  csvButton.addEventListener("click", downloadCsv);
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  });
  if (!editor.value && config.queries.length > 0) {
    editor.value = config.queries[0].text;
  }
  const started = performance.now();
  const data = new URL(config.data.url, document.baseURI);
  // Both downloads start now; a failure is kept as a value until its turn comes.
  const turtle = counted(data, downloads.data)
    .then((response) => response.text())
    .then(
      (text) => ({ text }),
      (error) => ({ error }),
    );
  let oxigraph;
  try {
    oxigraph = await import(ENGINE.href);
    const wasm = new URL(config.engine.wasm, ENGINE);
    await oxigraph.default({ module_or_path: counted(wasm, downloads.engine) });
  } catch (error) {
    fail(`Cannot start the SPARQL engine (${ENGINE.pathname}): ${error}`);
    return;
  }
  try {
    const fetched = await turtle;
    if (fetched.error) {
      throw fetched.error;
    }
    const downloaded = performance.now();
    loadingStatus("Reading the knowledge base into the store…");
    // Let the line show before the parsing takes the page's thread.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const parsing = performance.now();
    // A fresh store needs no transaction, and the file was parsed and validated by the
    // build already: both options save about a quarter of the loading time.
    const loading = new oxigraph.Store();
    loading.load(fetched.text, {
      format: config.data.format,
      base_iri: data.href,
      lenient: true,
      no_transaction: true,
    });
    const loaded = performance.now();
    store = loading;
    document.body.dataset.sparqlLoadMs = (loaded - started).toFixed(1);
    document.body.dataset.sparqlDownloadMs = (downloaded - started).toFixed(1);
    setStatus(
      `Loaded ${count(store.size)} triples from ${data.pathname.split("/").pop()} in ` +
        `${(loaded - started).toFixed(0)} ms (parsing ${(loaded - parsing).toFixed(0)} ms). ` +
        "Ready.",
    );
  } catch (error) {
    fail(`Cannot load the knowledge base from ${data.pathname}: ${error}`);
    return;
  } finally {
    loadingBox.hidden = true;
  }
  runButton.disabled = false;
  if (pending) {
    pending = null;
    run();
  }
}

start();
