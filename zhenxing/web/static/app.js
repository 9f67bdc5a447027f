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
