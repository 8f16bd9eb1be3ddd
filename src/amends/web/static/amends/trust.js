// Trust dashboard: PNG download of the server-rendered SVG charts (the SVG link works without this), and charts
// that scroll on a phone open at their newest days.
(function () {
  "use strict";
  function toPng(figure, filename) {
    var svg = figure.querySelector("svg");
    if (!svg) return;
    var xml = new XMLSerializer().serializeToString(svg);
    var url = URL.createObjectURL(new Blob([xml], { type: "image/svg+xml" }));
    var img = new Image();
    img.onload = function () {
      var scale = 2;
      var canvas = document.createElement("canvas");
      canvas.width = svg.viewBox.baseVal.width * scale;
      canvas.height = svg.viewBox.baseVal.height * scale;
      var ctx = canvas.getContext("2d");
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob(function (blob) {
        var a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = filename;
        document.body.appendChild(a);
        a.click();
        a.remove();
      }, "image/png");
    };
    img.src = url;
  }
  function init() {
    // A chart wider than a phone scrolls; its newest days are at the right, so that is where it opens.
    document.querySelectorAll(".chart-scroll").forEach(function (region) {
      region.scrollLeft = region.scrollWidth;
    });
    document.querySelectorAll("[data-chart-png]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var figure = document.getElementById(button.dataset.chartPng);
        if (figure) toPng(figure, button.dataset.filename || "chart.png");
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
