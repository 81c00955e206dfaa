/* Ripple charts: values on hover and keyboard focus, buttons that switch lines on and off, and a hint on charts
   and tables that scroll sideways. Optional: without it every chart still has its title, its "Show the data" table and
   the <title> of each cell. Works on the data-tip and data-series attributes RippleCharts writes. */
(function () {
  'use strict';
  if (typeof document === 'undefined') return;

  function setUp(figure) {
    var tip = document.createElement('p');
    tip.className = 'chart-tip';
    tip.hidden = true;
    tip.setAttribute('role', 'status');
    figure.appendChild(tip);

    function show(element) {
      tip.textContent = element.getAttribute('data-tip');
      tip.hidden = false;
      var box = figure.getBoundingClientRect(), mark = element.getBoundingClientRect();
      var left = mark.left + mark.width / 2 - box.left - tip.offsetWidth / 2;
      tip.style.left = Math.max(0, Math.min(left, figure.clientWidth - tip.offsetWidth)) + 'px';
      tip.style.top = Math.max(0, mark.top - box.top - tip.offsetHeight - 6) + 'px';
    }
    function hide() { tip.hidden = true; }

    figure.querySelectorAll('svg').forEach(function (svg) {
      var points = Array.prototype.slice.call(svg.querySelectorAll('[data-tip]'));
      if (!points.length) return;
      var at = -1;
      svg.setAttribute('tabindex', '0');
      svg.addEventListener('mouseover', function (event) {
        var point = event.target.closest('[data-tip]');
        if (point) show(point);
      });
      svg.addEventListener('mouseleave', hide);
      svg.addEventListener('focus', function () { at = Math.max(at, 0); show(points[at]); });
      svg.addEventListener('blur', hide);
      svg.addEventListener('keydown', function (event) {
        var step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
        if (event.key === 'Home') at = 0;
        else if (event.key === 'End') at = points.length - 1;
        else if (step) at = Math.max(0, Math.min(points.length - 1, at + step));
        else { if (event.key === 'Escape') hide(); return; }
        event.preventDefault();
        show(points[at]);
      });
    });

    // Buttons that switch each line on and off (outside the SVG: an image must not hold controls).
    var names = figure.querySelectorAll('.chart-layout--wide .legend-item[data-series]');
    if (names.length > 1 && figure.querySelector('.series[data-series]')) {
      var bar = document.createElement('div');
      bar.className = 'chart-toggles';
      bar.setAttribute('role', 'group');
      bar.setAttribute('aria-label', 'Show or hide lines');
      var label = document.createElement('span');
      label.className = 'chart-toggles__label';
      label.textContent = 'Show lines:';
      bar.appendChild(label);
      names.forEach(function (name) {
        var index = name.getAttribute('data-series');
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'chart-toggle';
        var key = document.createElement('span');
        key.className = 'chart-toggle__key series-' + (index % 6 + 1);
        key.setAttribute('aria-hidden', 'true');
        button.appendChild(key);
        button.appendChild(document.createTextNode(name.textContent));
        button.setAttribute('aria-pressed', 'true');
        button.addEventListener('click', function () {
          var on = button.getAttribute('aria-pressed') !== 'true';
          button.setAttribute('aria-pressed', String(on));
          figure.querySelectorAll('.series[data-series="' + index + '"]').forEach(function (group) {
            group.classList.toggle('is-off', !on);
          });
        });
        bar.appendChild(button);
      });
      figure.insertBefore(bar, figure.querySelector('details'));
    }

    var scroller = figure.querySelector('.chart-scroll');
    if (scroller) hintWhenWide(scroller);
  }

  // A line above a chart or table wider than its card saying that it scrolls, shown only while it does.
  function hintWhenWide(scroller) {
    var hint = document.createElement('p');
    hint.className = 'chart-scroll-hint';
    hint.textContent = 'Scroll sideways to see every column →';
    scroller.parentNode.insertBefore(hint, scroller);
    var check = function () { hint.hidden = scroller.scrollWidth <= scroller.clientWidth + 1; };
    check();
    window.addEventListener('resize', check);
  }

  document.querySelectorAll('figure.chart').forEach(setUp);
  document.querySelectorAll('.dashboard .table-wrap').forEach(hintWhenWide);
})();
