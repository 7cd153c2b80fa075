/*
 * Sorting and filtering of claimkb's tables in the browser, with no library and no network.
 *
 * Every <table class="sortable"> sorts by a column when its header is clicked (again for the
 * reverse order). A cell sorts by the number in a data-sort attribute inside it when there is
 * one (quantities sort by their value in SI base units), else by its text, numbers in text
 * compared as numbers. A <form class="table-filter" data-table="ID"> above a table filters its
 * rows: the search box keeps rows whose text holds every word typed, each menu keeps rows whose
 * data-NAME attribute lists the chosen value ("|" separates several). The pages work without
 * this script: the tables are complete, only the controls stay hidden.
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

  function sortBy(table, header, column) {
    var ascending = header.getAttribute("aria-sort") !== "ascending";
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
      header.addEventListener("click", function () {
        sortBy(table, header, column);
      });
      header.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          sortBy(table, header, column);
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

  function makeFilterable(form) {
    var table = document.getElementById(form.getAttribute("data-table"));
    if (!table) {
      return;
    }
    var counter = document.querySelector(
      '.table-count[data-table="' + form.getAttribute("data-table") + '"]'
    );
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    form.addEventListener("input", function () {
      applyFilter(form, table, counter);
    });
    form.addEventListener("change", function () {
      applyFilter(form, table, counter);
    });
    applyFilter(form, table, counter);
  }

  document.querySelectorAll("table.sortable").forEach(makeSortable);
  document.querySelectorAll("form.table-filter").forEach(makeFilterable);
})();
