/*
 * Sorting and filtering of claimkb's tables in the browser, with no library and no network.
 *
 * Every <table class="sortable"> sorts by a column when its header is clicked (again for the
 * reverse order). A cell sorts by the number in a data-sort attribute inside it when there is
 * one (quantities sort by their value in SI base units), else by its text, numbers in text
 * compared as numbers. A <form class="table-filter" data-table="ID"> above a table filters its
 * rows: the search box keeps rows whose text holds every word typed, each menu keeps rows whose
 * data-NAME attribute lists the chosen value ("|" separates several). The filter and the order
 * are kept in the page's address and restored from it (on load, and on Back and Forward); a
 * button downloads the rows shown, in the order shown, as CSV. The pages work without this
 * script: the tables are complete, only the controls stay hidden.
 */
(function () {
  "use strict";

  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

  function sortValue(cell) {
    var holder = cell.querySelector("[data-sort]");
    if (holder) {
      var number = Number(holder.getAttribute("data-sort"));
      if (holder.getAttribute("data-sort") !== "" && !Number.isNaN(number)) {
        return { number: number, text: "" };
      }
    }
    return { number: null, text: cell.textContent.trim() };
  }

  function compare(a, b) {
    if (a.number !== null && b.number !== null) {
      return a.number - b.number;
    }
    if (a.number !== null) {
      return -1;
    }
    if (b.number !== null) {
      return 1;
    }
    return collator.compare(a.text, b.text);
  }

  /* A column's name in the address: its header's text, lower case, words joined by "-". */
  function columnKey(header) {
    return header.textContent
      .replace(/[▲▼]/g, "")
      .trim()
      .toLocaleLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-|-$/g, "");
  }

  function sortBy(table, header, column, ascending) {
    table.querySelectorAll("thead th").forEach(function (th) {
      th.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row, index) {
      return { row: row, key: sortValue(row.cells[column]), index: index };
    });
    rows.sort(function (a, b) {
      var order = compare(a.key, b.key);
      return (ascending ? order : -order) || a.index - b.index;
    });
    rows.forEach(function (item) {
      body.appendChild(item.row);
    });
  }

  function makeSortable(table) {
    table.querySelectorAll("thead th").forEach(function (header, column) {
      header.tabIndex = 0;
      header.title = "Sort by this column";
      function sort() {
        sortBy(table, header, column, header.getAttribute("aria-sort") !== "ascending");
        table.dispatchEvent(new CustomEvent("claimkb-sorted"));
      }
      header.addEventListener("click", sort);
      header.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          sort();
        }
      });
    });
  }

  function words(text) {
    return text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  }

  function applyFilter(form, table, counter) {
    var wanted = words(form.elements.q.value);
    var menus = Array.prototype.filter.call(form.elements, function (element) {
      return element.tagName === "SELECT" && element.value !== "";
    });
    var shown = 0;
    var rows = table.tBodies[0].rows;
    Array.prototype.forEach.call(rows, function (row) {
      var text = row.textContent.toLocaleLowerCase();
      var keep = wanted.every(function (word) {
        return text.indexOf(word) >= 0;
      });
      keep =
        keep &&
        menus.every(function (menu) {
          var values = (row.getAttribute("data-" + menu.name) || "").split("|");
          return values.indexOf(menu.value) >= 0;
        });
      row.hidden = !keep;
      shown += keep ? 1 : 0;
    });
    if (counter) {
      var noun = counter.getAttribute("data-noun") || "rows";
      counter.textContent = shown + " of " + rows.length + " " + noun + " shown";
    }
  }

  /* A cell as a spreadsheet should take it: one that starts like a formula (=, +, -, @, a
     tab or a carriage return) and is not a plain number gets a leading "'", as the
     command line's CSV does (claimkb.rdf.store.csv_cell). */
  var FORMULA_START = /^[=+\-@\t\r]/;
  var PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

  function csvCell(text) {
    if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) {
      text = "'" + text;
    }
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function cellText(cell) {
    /* Each block of a cell (a claim's English line, its quote) on a line of its own. */
    var parts = Array.prototype.map.call(cell.children, function (child) {
      return child.textContent.trim();
    });
    var blocks = cell.querySelectorAll(":scope > .claim-english, :scope > .claim-quote");
    if (blocks.length === cell.children.length && blocks.length > 1) {
      return parts.join("\n");
    }
    return cell.textContent.replace(/\s+/g, " ").trim();
  }

  /* The rows shown, in the order shown, as CSV (RFC 4180, header first). */
  function tableCsv(table) {
    var lines = [];
    var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) {
      return th.textContent.replace(/[▲▼]/g, "").trim();
    });
    lines.push(headers.map(csvCell).join(","));
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      if (!row.hidden) {
        lines.push(Array.prototype.map.call(row.cells, cellText).map(csvCell).join(","));
      }
    });
    return lines.join("\r\n") + "\r\n";
  }

  function download(name, text) {
    var url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 0);
  }

  /* The filter and the order of the table kept in the address
     (?speaker=…&sort=quantity-desc&text=…; not "q", on which Material's search opens), so a
     link brings the same rows back, and so does Back after following a row. */
  function paramName(element) {
    return element.getAttribute("data-param") || element.name;
  }

  function saveState(form, table) {
    var params = new URLSearchParams();
    Array.prototype.forEach.call(form.elements, function (element) {
      if ((element.tagName === "SELECT" || element.tagName === "INPUT") && element.value) {
        params.set(paramName(element), element.value);
      }
    });
    var sorted = table.querySelector("thead th[aria-sort]");
    if (sorted) {
      var direction = sorted.getAttribute("aria-sort") === "ascending" ? "asc" : "desc";
      params.set("sort", columnKey(sorted) + "-" + direction);
    }
    var query = params.toString();
    var address = location.pathname + (query ? "?" + query : "") + location.hash;
    if (address !== location.pathname + location.search + location.hash) {
      history.replaceState(history.state, "", address);
    }
  }

  function restoreState(form, table) {
    var params = new URLSearchParams(location.search);
    Array.prototype.forEach.call(form.elements, function (element) {
      if (element.tagName === "INPUT" && element.name) {
        element.value = params.get(paramName(element)) || "";
      } else if (element.tagName === "SELECT") {
        var wanted = params.get(element.name) || "";
        var known = Array.prototype.some.call(element.options, function (option) {
          return option.value === wanted;
        });
        element.value = known ? wanted : "";
      }
    });
    var sort = /^(.+)-(asc|desc)$/.exec(params.get("sort") || "");
    if (sort) {
      table.querySelectorAll("thead th").forEach(function (header, column) {
        if (columnKey(header) === sort[1]) {
          sortBy(table, header, column, sort[2] === "asc");
        }
      });
    }
  }

  function makeFilterable(form, remember) {
    var table = document.getElementById(form.getAttribute("data-table"));
    if (!table) {
      return;
    }
    var counter = document.querySelector(
      '.table-count[data-table="' + form.getAttribute("data-table") + '"]'
    );
    function update() {
      applyFilter(form, table, counter);
      if (remember) {
        saveState(form, table);
      }
    }
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("reset", function () {
      setTimeout(update, 0);
    });
    table.addEventListener("claimkb-sorted", function () {
      if (remember) {
        saveState(form, table);
      }
    });
    var button = form.querySelector(".table-csv");
    if (button) {
      button.addEventListener("click", function () {
        var noun = (counter && counter.getAttribute("data-noun")) || table.id || "rows";
        download(noun + ".csv", tableCsv(table));
      });
    }
    if (remember) {
      restoreState(form, table);
      /* Back and Forward: the address may differ from what the page shows (a page restored
         from the back/forward cache keeps its state; popstate comes with a changed hash). */
      window.addEventListener("popstate", function () {
        restoreState(form, table);
        applyFilter(form, table, counter);
      });
      window.addEventListener("pageshow", function (event) {
        if (event.persisted) {
          restoreState(form, table);
          applyFilter(form, table, counter);
        }
      });
    }
    applyFilter(form, table, counter);
  }

  /* Material's search is a dialog without a name; screen readers announce it as "Search". */
  document.querySelectorAll('.md-search[role="dialog"]').forEach(function (dialog) {
    if (!dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", "Search");
    }
  });
  document.querySelectorAll("table.sortable").forEach(makeSortable);
  /* A wide Markdown table scrolls inside its own box (Material's scrollwrap); a box that
     scrolls is made reachable by the keyboard, and named, so it can be scrolled without a
     mouse. Checked again when the window changes size. */
  function focusableScrollers() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1 && !box.hasAttribute("tabindex")) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Wide table, scrolls sideways");
      }
    });
  }
  /* Material wraps the tables once its own script has mounted the page (its document$). */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () {
      setTimeout(focusableScrollers, 0);
    });
  }
  window.addEventListener("load", focusableScrollers);
  window.addEventListener("resize", focusableScrollers);

  /* Only the first filtered table of a page keeps its state in the address. */
  document.querySelectorAll("form.table-filter").forEach(function (form, index) {
    makeFilterable(form, index === 0);
  });
})();
