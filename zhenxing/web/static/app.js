// Charts: every element with data-echarts holds an ECharts option built in Python (zhenxing/*/charts.py).
(function () {
  "use strict";

  function initCharts(root) {
    if (!window.echarts || !root.querySelectorAll) return;
    root.querySelectorAll("[data-echarts]").forEach(function (el) {
      var old = window.echarts.getInstanceByDom(el);
      if (old) old.dispose();
      el.classList.add("ready");
      var chart = window.echarts.init(el, null, { renderer: "svg" });
      chart.setOption(JSON.parse(el.getAttribute("data-echarts")));
    });
  }

  document.addEventListener("DOMContentLoaded", function () { initCharts(document); });
  document.addEventListener("htmx:afterSwap", function (event) { initCharts(event.detail.target); });
  window.addEventListener("resize", function () {
    if (!window.echarts) return;
    document.querySelectorAll("[data-echarts].ready").forEach(function (el) {
      var chart = window.echarts.getInstanceByDom(el);
      if (chart) chart.resize();
    });
  });
})();

// Behaviour the templates ask for with data- attributes: no inline handlers, so the Content-Security-Policy
// allows scripts from this server only (script-src 'self').
(function () {
  "use strict";

  function all(selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); }

  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches && el.matches("[data-autosubmit]") && el.form) el.form.submit();
  });
  document.addEventListener("click", function (event) {
    var el = event.target.closest ? event.target.closest(
      "[data-collect],[data-fill],[data-check-all],[data-check-sure],[data-back]") : null;
    if (!el) return;
    if (el.hasAttribute("data-collect")) {
      document.getElementById(el.getAttribute("data-collect")).value =
        all(el.getAttribute("data-collect-from")).map(function (box) { return box.value; }).join(",");
    } else if (el.hasAttribute("data-fill")) {
      document.getElementById(el.getAttribute("data-fill")).value = el.getAttribute("data-fill-value");
    } else if (el.hasAttribute("data-check-all")) {
      all(el.getAttribute("data-check-all")).forEach(function (box) { box.checked = el.checked; });
    } else if (el.hasAttribute("data-check-sure")) {
      var sure = Number(el.getAttribute("data-sure"));
      all(el.getAttribute("data-check-sure")).forEach(function (box) {
        box.checked = Number(box.dataset.confidence || 0) >= sure;
      });
    } else if (el.hasAttribute("data-back") && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });
})();

// Phones show each list row as a card: every cell carries its column's name (data-label) from the table
// head, unless the template wrote one. A cell spanning columns, or under an empty heading, gets none.
(function () {
  "use strict";

  function labelCells(root) {
    if (!root.querySelectorAll) return;
    root.querySelectorAll(".table-wrap > table").forEach(function (table) {
      var head = table.tHead && table.tHead.rows[0];
      if (!head) return;
      var names = [];
      Array.prototype.forEach.call(head.cells, function (th) {
        for (var i = 0; i < (th.colSpan || 1); i++) names.push(th.textContent.trim());
      });
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          var column = 0;
          Array.prototype.forEach.call(row.cells, function (cell) {
            if (!cell.hasAttribute("data-label") && (cell.colSpan || 1) === 1) {
              cell.setAttribute("data-label", names[column] || "");
            }
            column += cell.colSpan || 1;
          });
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { labelCells(document); });
  document.addEventListener("htmx:afterSwap", function (event) { labelCells(event.detail.target); });
})();

// File inputs speak Chinese: the browser's own button and "no file" text follow its UI language ("Choose File",
// "No file chosen"), so each file input lies, transparent, over a 选择文件 button beside the chosen names.
// The input itself still takes the click, the drop and the form's value.
(function () {
  "use strict";

  function dress(input) {
    if (input.closest(".file-pick")) return;
    var pick = document.createElement("span");
    pick.className = "file-pick";
    var button = document.createElement("span");
    button.className = "button file-pick-button";
    button.textContent = input.multiple ? "选择文件（可多选）" : "选择文件";
    var names = document.createElement("span");
    names.className = "file-pick-names";
    names.textContent = "未选择文件";
    input.parentNode.insertBefore(pick, input);
    pick.appendChild(button);
    pick.appendChild(input);
    pick.appendChild(names);
    input.addEventListener("change", function () {
      var chosen = Array.prototype.map.call(input.files || [], function (file) { return file.name; });
      names.textContent = chosen.length ? chosen.join("、") : "未选择文件";
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[type=file]").forEach(dress);
  });
})();
