// Lakeward explorer: the lineage graph's interactions, on the SVG LineageSvg draws (its class
// comment lists the markup read here). Listeners sit on the document, so graphs that htmx swaps
// in later work without setup; no inline handlers, no libraries, no network.
//
// - Pan: drag the graph, or the arrow keys while it has focus. Zoom: the wheel, the + − 0 keys,
//   and any <button data-lineage-zoom="in|out|reset"> in an element that holds the graph.
// - A column (click, Enter or Space) lights every edge and column on its column-level paths,
//   upstream and downstream, and dims the rest; Escape, or a click on empty space, clears.
// - A box with data-expand (click, or Enter on its header) dispatches "lineage:expand" with
//   detail.name, the table's full name, for the page to load that table's lineage.
(function () {
  'use strict';

  var ZOOM_STEP = 1.25;
  var PAN_STEP = 0.1; // of the visible width or height, per arrow key
  var DRAG_THRESHOLD = 4; // pixels a press may move and still be a click
  var DIMMED = '0.2';

  var homes = new WeakMap(); // each graph's first viewBox, which reset returns to
  var indexes = new WeakMap(); // each graph's edges by their ends, built on first use
  var drag = null;
  var suppressClick = false;

  function graphOf(element) {
    return element && element.closest ? element.closest('svg.lineage') : null;
  }

  function viewBox(svg) {
    var v = svg.getAttribute('viewBox').trim().split(/[\s,]+/).map(Number);
    return { x: v[0], y: v[1], w: v[2], h: v[3] };
  }

  function setViewBox(svg, v) {
    if (!homes.has(svg)) {
      homes.set(svg, svg.getAttribute('viewBox'));
    }
    svg.setAttribute('viewBox', [v.x, v.y, v.w, v.h].map(function (n) {
      return Math.round(n * 100) / 100;
    }).join(' '));
  }

  function toGraph(svg, clientX, clientY, matrix) {
    return new DOMPoint(clientX, clientY).matrixTransform(matrix || svg.getScreenCTM().inverse());
  }

  /** Zooms by factor (above 1: closer) keeping the graph point at (px, py) where it is. */
  function zoom(svg, factor, px, py) {
    var v = viewBox(svg);
    if (px === undefined) {
      px = v.x + v.w / 2;
      py = v.y + v.h / 2;
    }
    setViewBox(svg, { x: px - (px - v.x) / factor, y: py - (py - v.y) / factor, w: v.w / factor, h: v.h / factor });
  }

  function pan(svg, dx, dy) {
    var v = viewBox(svg);
    setViewBox(svg, { x: v.x + dx * v.w, y: v.y + dy * v.h, w: v.w, h: v.h });
  }

  function reset(svg) {
    if (homes.has(svg)) {
      svg.setAttribute('viewBox', homes.get(svg));
    }
  }

  /** The edges of a graph by source and by target, and which box each column belongs to. */
  function index(svg) {
    if (indexes.has(svg)) {
      return indexes.get(svg);
    }
    var idx = { into: {}, outOf: {}, boxOfColumn: {}, columnsOfBox: {} };
    svg.querySelectorAll('g.box').forEach(function (box) {
      var columns = [];
      box.querySelectorAll('[data-column]').forEach(function (row) {
        idx.boxOfColumn[row.dataset.column] = box.dataset.node;
        columns.push(row.dataset.column);
      });
      idx.columnsOfBox[box.dataset.node] = columns;
    });
    svg.querySelectorAll('g.route').forEach(function (route) {
      if (route.classList.contains('table')) {
        return; // a table edge names no column: not on any column's path
      }
      (idx.into[route.dataset.target] = idx.into[route.dataset.target] || []).push(route);
      (idx.outOf[route.dataset.source] = idx.outOf[route.dataset.source] || []).push(route);
    });
    indexes.set(svg, idx);
    return idx;
  }

  /**
   * Everything on a column's paths: upstream, what feeds the column or (a dependency) its whole
   * table; downstream, what the column feeds, and through a dependency every column of that table.
   */
  function paths(svg, column) {
    var idx = index(svg);
    var routes = new Set();
    var ends = new Set([column]);
    var queue = [column];
    while (queue.length) {
      var up = queue.shift();
      (idx.into[up] || []).concat(idx.into[idx.boxOfColumn[up]] || []).forEach(function (route) {
        routes.add(route);
        if (!ends.has(route.dataset.source)) {
          ends.add(route.dataset.source);
          queue.push(route.dataset.source);
        }
      });
    }
    queue = [column];
    var seen = new Set([column]);
    while (queue.length) {
      var down = queue.shift();
      (idx.outOf[down] || []).forEach(function (route) {
        routes.add(route);
        var target = route.dataset.target;
        ends.add(target);
        (idx.columnsOfBox[target] || [target]).forEach(function (next) {
          if (!seen.has(next)) {
            seen.add(next);
            ends.add(next);
            queue.push(next);
          }
        });
      });
    }
    return { routes: routes, ends: ends };
  }

  // classes for the stylesheet; the opacity attribute (not a style, so CSP allows it) dims without one
  function clear(svg) {
    svg.classList.remove('is-tracing');
    svg.querySelectorAll('.is-lit, .is-dimmed, .is-selected').forEach(function (element) {
      element.classList.remove('is-lit', 'is-dimmed', 'is-selected');
      element.removeAttribute('opacity');
    });
    svg.querySelectorAll('[aria-pressed="true"]').forEach(function (row) {
      row.setAttribute('aria-pressed', 'false');
    });
  }

  function mark(element, lit) {
    element.classList.add(lit ? 'is-lit' : 'is-dimmed');
    if (!lit) {
      element.setAttribute('opacity', DIMMED);
    }
  }

  function select(svg, row) {
    clear(svg);
    var found = paths(svg, row.dataset.column);
    svg.classList.add('is-tracing');
    svg.querySelectorAll('g.route').forEach(function (route) {
      mark(route, found.routes.has(route));
    });
    svg.querySelectorAll('g.box').forEach(function (box) {
      var lit = found.ends.has(box.dataset.node);
      box.querySelectorAll('[data-column]').forEach(function (column) {
        var on = found.ends.has(column.dataset.column);
        lit = lit || on;
        if (on) {
          column.classList.add('is-lit');
        }
      });
      mark(box, lit);
    });
    row.classList.add('is-selected');
    row.setAttribute('aria-pressed', 'true');
  }

  function expand(box) {
    box.dispatchEvent(new CustomEvent('lineage:expand', { bubbles: true, detail: { name: box.dataset.expand } }));
  }

  /** The graph a zoom button serves: the one in the nearest element that holds both. */
  function graphNear(button) {
    for (var element = button.parentElement; element; element = element.parentElement) {
      var svg = element.querySelector('svg.lineage');
      if (svg) {
        return svg;
      }
    }
    return null;
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button[data-lineage-zoom]');
    if (button) {
      var near = graphNear(button);
      if (near) {
        var how = button.dataset.lineageZoom;
        if (how === 'reset') {
          reset(near);
        } else {
          zoom(near, how === 'in' ? ZOOM_STEP : 1 / ZOOM_STEP);
        }
      }
      return;
    }
    var svg = graphOf(event.target);
    if (!svg) {
      return;
    }
    if (suppressClick) { // the press was a drag
      suppressClick = false;
      return;
    }
    var row = event.target.closest('[data-column]');
    var box = event.target.closest('[data-expand]');
    if (row) {
      select(svg, row);
    } else if (box) {
      expand(box);
    } else if (!event.target.closest('g.box')) {
      clear(svg);
    }
  });

  document.addEventListener('keydown', function (event) {
    var svg = graphOf(event.target);
    if (!svg || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var handled = true;
    var activate = event.key === 'Enter' || event.key === ' ';
    var row = event.target.closest('[data-column]');
    var header = event.target.closest('g.header');
    if (activate && row) {
      select(svg, row);
    } else if (activate && header && header.closest('[data-expand]')) {
      expand(header.closest('[data-expand]'));
    } else if (event.key === 'Escape') {
      clear(svg);
    } else if (event.key === '+' || event.key === '=') {
      zoom(svg, ZOOM_STEP);
    } else if (event.key === '-') {
      zoom(svg, 1 / ZOOM_STEP);
    } else if (event.key === '0') {
      reset(svg);
    } else if (event.key === 'ArrowLeft') {
      pan(svg, -PAN_STEP, 0);
    } else if (event.key === 'ArrowRight') {
      pan(svg, PAN_STEP, 0);
    } else if (event.key === 'ArrowUp') {
      pan(svg, 0, -PAN_STEP);
    } else if (event.key === 'ArrowDown') {
      pan(svg, 0, PAN_STEP);
    } else {
      handled = false;
    }
    if (handled) {
      event.preventDefault();
    }
  });

  document.addEventListener('wheel', function (event) {
    var svg = graphOf(event.target);
    if (!svg) {
      return;
    }
    event.preventDefault(); // the wheel zooms the graph instead of scrolling the page
    var at = toGraph(svg, event.clientX, event.clientY);
    zoom(svg, event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, at.x, at.y);
  }, { passive: false });

  document.addEventListener('pointerdown', function (event) {
    suppressClick = false;
    var svg = graphOf(event.target);
    if (!svg || event.button !== 0) {
      return;
    }
    // points are mapped with the matrix of the press, which panning must not move under the pointer
    var matrix = svg.getScreenCTM().inverse();
    drag = { svg: svg, id: event.pointerId, matrix: matrix, clientX: event.clientX, clientY: event.clientY,
      start: toGraph(svg, event.clientX, event.clientY, matrix), view: viewBox(svg), moved: false };
  });

  document.addEventListener('pointermove', function (event) {
    if (!drag || event.pointerId !== drag.id) {
      return;
    }
    if (!drag.moved && Math.hypot(event.clientX - drag.clientX, event.clientY - drag.clientY) < DRAG_THRESHOLD) {
      return;
    }
    if (!drag.moved) {
      drag.moved = true;
      drag.svg.setPointerCapture(drag.id);
      drag.svg.classList.add('is-panning');
    }
    var at = toGraph(drag.svg, event.clientX, event.clientY, drag.matrix);
    setViewBox(drag.svg, { x: drag.view.x - (at.x - drag.start.x), y: drag.view.y - (at.y - drag.start.y),
      w: drag.view.w, h: drag.view.h });
  });

  function endDrag(event) {
    if (!drag || event.pointerId !== drag.id) {
      return;
    }
    if (drag.moved) {
      suppressClick = event.type === 'pointerup';
      drag.svg.classList.remove('is-panning');
    }
    drag = null;
  }

  document.addEventListener('pointerup', endDrag);
  document.addEventListener('pointercancel', endDrag);
})();
