// Appended to a copy of a page by tests/print/check.sh: applies the page's
// print rules on screen, then reports every table wider than the viewport
// (set to the printable width of the page), and every cell whose text runs
// out of it, into <pre id="kamae-fits">.
(function () {
  for (const sheet of document.styleSheets) {
    for (const rule of [...sheet.cssRules]) {
      if (rule.media && /print/.test(rule.media.mediaText)) {
        for (const inner of [...rule.cssRules]) sheet.insertRule(inner.cssText, sheet.cssRules.length);
      }
    }
  }
  const width = document.documentElement.clientWidth;
  const out = [];
  document.querySelectorAll('table').forEach(function (t, i) {
    const right = t.getBoundingClientRect().right;
    if (right > width + 0.5 || t.scrollWidth > t.clientWidth + 0.5)
      out.push('table ' + (i + 1) + ' is ' + Math.round(right) + 'px wide, the page ' + width + 'px');
  });
  // A cell whose text runs out of it is drawn over its neighbour on paper.
  document.querySelectorAll('td').forEach(function (c) {
    if (c.scrollWidth > c.clientWidth + 0.5)
      out.push('a cell overflows (' + c.scrollWidth + 'px in ' + c.clientWidth + 'px): ' +
               c.textContent.slice(0, 40));
  });
  if (document.documentElement.scrollWidth > width + 0.5)
    out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + 'px > ' + width + 'px');
  const pre = document.createElement('pre');
  pre.id = 'kamae-fits';
  pre.textContent = 'tables=' + document.querySelectorAll('table').length + ' width=' + width +
    '\n' + (out.length ? out.join('\n') : 'fits');
  document.body.appendChild(pre);
})();
