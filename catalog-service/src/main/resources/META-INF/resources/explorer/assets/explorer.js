// The explorer's own behaviour: the tree's disclosure buttons, dialogs, the principal picker, and
// expanding a table in the lineage graph.
// No inline handlers anywhere: the Content-Security-Policy allows only the explorer's own scripts.
(function () {
  "use strict";

  function toggle(button) {
    var children = button.closest("li").querySelector(":scope > ul");
    var open = button.getAttribute("aria-expanded") === "true";
    button.setAttribute("aria-expanded", String(!open));
    children.hidden = open;
    if (!open && !children.dataset.loaded) {
      children.dataset.loaded = "true";
      htmx.ajax("GET", button.dataset.children, { target: children, swap: "innerHTML" });
    }
  }

  // a table box in the lineage graph asks to be expanded: the same page, with that table's neighbours too
  document.addEventListener("lineage:expand", function (event) {
    var url = new URL(window.location.href);
    url.searchParams.set("tab", "lineage");
    if (url.searchParams.getAll("expand").indexOf(event.detail.name) < 0) {
      url.searchParams.append("expand", event.detail.name);
    }
    window.location.assign(url.toString());
  });

  // tabs: the arrow keys move between a tab list's tabs, as ARIA's tab pattern has it
  document.addEventListener("keydown", function (event) {
    var tab = event.target.closest && event.target.closest("[role=tab]");
    if (!tab || (event.key !== "ArrowRight" && event.key !== "ArrowLeft")) {
      return;
    }
    var tabs = Array.prototype.slice.call(tab.closest("[role=tablist]").querySelectorAll("[role=tab]"));
    var at = tabs.indexOf(tab) + (event.key === "ArrowRight" ? 1 : -1);
    tabs[(at + tabs.length) % tabs.length].focus();
    event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    var target = event.target.closest("button");
    if (!target) {
      return;
    }
    if (target.classList.contains("toggle") && target.dataset.children) {
      toggle(target);
    } else if (target.dataset.openDialog) {
      document.getElementById(target.dataset.openDialog).showModal();
    } else if (target.dataset.closeDialog) {
      document.getElementById(target.dataset.closeDialog).close();
    } else if (target.dataset.pick) {
      var input = document.getElementById(target.dataset.pick);
      input.value = target.dataset.value;
      target.closest("ul").innerHTML = "";
      input.focus();
    }
  });
})();
