// esrs-s3 serve: drag and drop, matrix details, table sorting and filtering.
// Served by the app itself (the Content-Security-Policy allows no inline or external script).
"use strict";

function initUpload() {
  const form = document.getElementById("upload-form");
  if (!form) return;
  const input = document.getElementById("workbook");
  const drop = document.getElementById("drop");
  const chosen = document.getElementById("chosen");
  const message = document.getElementById("form-message");
  const maxBytes = Number(form.dataset.maxBytes);

  function check() {
    const file = input.files && input.files[0];
    message.textContent = "";
    if (!file) return false;
    chosen.textContent = file.name + " · " + (file.size / 1048576).toFixed(2) + " MB";
    drop.classList.add("chosen");
    if (!file.name.toLowerCase().endsWith(".xlsx")) {
      message.textContent = "Only Excel workbooks (.xlsx) are accepted.";
      return false;
    }
    if (file.size > maxBytes) {
      message.textContent = "The file is larger than the " + form.dataset.maxMb + " MB limit.";
      return false;
    }
    return true;
  }
  input.addEventListener("change", check);
  ["dragenter", "dragover"].forEach((type) => drop.addEventListener(type, (event) => {
    event.preventDefault();
    drop.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((type) => drop.addEventListener(type, () => drop.classList.remove("over")));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      check();
    }
  });
  form.addEventListener("submit", (event) => {
    if (!check()) {
      event.preventDefault();
      if (!message.textContent) message.textContent = "Choose a workbook (.xlsx) first.";
      return;
    }
    document.getElementById("submit").disabled = true;
    document.getElementById("busy").hidden = false;
  });
}

function initMatrix() {
  const panel = document.getElementById("iro-detail");
  if (!panel) return;
  const points = Array.from(document.querySelectorAll("#matrix-overlay .pt"));
  const rows = Array.from(document.querySelectorAll("tr.iro-row"));

  function show(index, scroll) {
    const template = document.getElementById("iro-detail-" + index);
    if (!template) return;
    panel.replaceChildren(template.content.cloneNode(true));
    panel.dataset.index = index;
    points.forEach((p) => p.classList.toggle("active", p.dataset.index === String(index)));
    rows.forEach((r) => r.classList.toggle("active", r.dataset.index === String(index)));
    if (scroll) panel.scrollIntoView({ block: "nearest" });
  }
  points.forEach((point) => {
    const index = point.dataset.index;
    point.addEventListener("mouseenter", () => show(index, false));
    point.addEventListener("focus", () => show(index, false));
    point.addEventListener("click", () => show(index, false));
    point.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") show(index, false);
    });
  });
  rows.forEach((row) => row.addEventListener("click", (event) => {
    if (event.target.closest("summary")) return;
    show(row.dataset.index, true);
  }));
}

function cellValue(row, column, numeric) {
  const text = row.cells[column] ? row.cells[column].textContent.trim() : "";
  if (!numeric) return text.toLowerCase();
  const value = parseFloat(text);
  return Number.isNaN(value) ? -Infinity : value;
}

function initSorting() {
  document.querySelectorAll("table.sortable").forEach((table) => {
    const headers = Array.from(table.tHead.rows[0].cells);
    headers.forEach((header, column) => header.addEventListener("click", () => {
      const numeric = header.dataset.type === "num";
      const ascending = !header.classList.contains("asc");
      headers.forEach((h) => h.classList.remove("asc", "desc"));
      header.classList.add(ascending ? "asc" : "desc");
      const body = table.tBodies[0];
      const sorted = Array.from(body.rows)
        .map((row, position) => ({ row, position, key: cellValue(row, column, numeric) }))
        .sort((a, b) => {
          if (a.key < b.key) return ascending ? -1 : 1;
          if (a.key > b.key) return ascending ? 1 : -1;
          return a.position - b.position;
        });
      sorted.forEach((item) => body.appendChild(item.row));
    }));
  });
}

function initCoverageFilter() {
  const select = document.getElementById("status-filter");
  const search = document.getElementById("coverage-search");
  const table = document.getElementById("coverage");
  if (!select || !table) return;
  const count = document.getElementById("coverage-count");
  function apply() {
    const status = select.value;
    const needle = search ? search.value.trim().toLowerCase() : "";
    let shown = 0;
    Array.from(table.tBodies[0].rows).forEach((row) => {
      const visible = (!status || row.dataset.status === status) &&
        (!needle || row.textContent.toLowerCase().includes(needle));
      row.classList.toggle("hidden", !visible);
      if (visible) shown += 1;
    });
    count.textContent = shown + " datapoint" + (shown === 1 ? "" : "s") + " shown";
  }
  select.addEventListener("change", apply);
  if (search) search.addEventListener("input", apply);
}

document.addEventListener("DOMContentLoaded", () => {
  initUpload();
  initMatrix();
  initSorting();
  initCoverageFilter();
});
