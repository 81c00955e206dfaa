/// The browser side of live reload: listens to `/__ripple/events`, reloads after a good rebuild (keeping
/// the scroll position; when the status lists the pages that changed in `only`, just those) and shows a failed
/// build's diagnostics as an overlay. The DOM is built with `textContent` only, so file names and messages can
/// never become markup.
enum LiveReloadScript {
    static let source = #"""
    (function () {
      "use strict";
      if (window.__rippleLiveReload || !window.EventSource) return;
      window.__rippleLiveReload = true;
      var KEY = "ripple:scroll:" + location.pathname;
      try {
        var saved = sessionStorage.getItem(KEY);
        if (saved !== null) {
          sessionStorage.removeItem(KEY);
          var restore = function () { window.scrollTo(0, parseInt(saved, 10) || 0); };
          if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);
        }
      } catch (e) {}
      var version = null, overlay = null, lastFocus = null;
      function el(tag, text, css) {
        var node = document.createElement(tag);
        if (text) node.textContent = text;
        if (css) node.style.cssText = css;
        return node;
      }
      function hide() {
        if (overlay) { overlay.remove(); overlay = null; if (lastFocus && lastFocus.focus) lastFocus.focus(); }
      }
      function show(report) {
        hide();
        var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
        var fg = dark ? "#f3f3f3" : "#1b1b1b", bg = dark ? "#1e1e1e" : "#ffffff", accent = dark ? "#ff8a80" : "#b00020";
        overlay = el("div", null, "position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.55);" +
          "display:flex;align-items:flex-start;justify-content:center;overflow:auto;padding:5vh 1rem;");
        var box = el("div", null, "max-width:46rem;width:100%;background:" + bg + ";color:" + fg + ";" +
          "border-top:6px solid " + accent + ";border-radius:6px;padding:1.25rem 1.5rem;" +
          "font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;box-shadow:0 8px 30px rgba(0,0,0,.4);");
        box.setAttribute("role", "alertdialog");
        box.setAttribute("aria-modal", "true");
        box.setAttribute("aria-labelledby", "ripple-overlay-title");
        var title = el("h2", "The site could not be rebuilt", "margin:0 0 .25rem;font-size:1.3rem;color:" + accent + ";");
        title.id = "ripple-overlay-title";
        box.appendChild(title);
        box.appendChild(el("p", "You are seeing the last version that built. Fix the problems below and save; " +
          "this page updates by itself.", "margin:0 0 1rem;"));
        var list = el("ul", null, "list-style:none;margin:0;padding:0;");
        (report.diagnostics || []).forEach(function (d) {
          var item = el("li", null, "margin:0 0 1rem;padding:0 0 0 .75rem;border-left:3px solid " +
            (d.severity === "error" ? accent : "#b58900") + ";");
          var where = d.file ? d.file + (d.line ? ":" + d.line + (d.column ? ":" + d.column : "") : "") : "";
          if (where) item.appendChild(el("div", where, "font:600 14px/1.4 ui-monospace,Menlo,Consolas,monospace;"));
          item.appendChild(el("div", d.severity + ": " + (d.field ? "field '" + d.field + "': " : "") + d.message));
          if (d.hint) item.appendChild(el("div", "Hint: " + d.hint, "opacity:.85;"));
          list.appendChild(item);
        });
        box.appendChild(list);
        var close = el("button", "Close", "font:inherit;padding:.4rem 1rem;border-radius:4px;cursor:pointer;" +
          "border:2px solid " + accent + ";background:" + bg + ";color:" + fg + ";");
        close.type = "button";
        close.addEventListener("click", hide);
        box.appendChild(close);
        overlay.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
        overlay.appendChild(box);
        lastFocus = document.activeElement;
        (document.body || document.documentElement).appendChild(overlay);
        close.focus();
      }
      var source = new EventSource("/__ripple/events");
      source.addEventListener("status", function (event) {
        var status;
        try { status = JSON.parse(event.data); } catch (e) { return; }
        var first = version === null, changed = version !== status.version;
        version = status.version;
        if (status.state === "failed") { show(status.report || {}); return; }
        var shown = !status.only || status.only.indexOf(location.pathname.replace(/^\//, "")) >= 0;
        if (!first && changed && shown) {
          try { sessionStorage.setItem(KEY, String(window.scrollY)); } catch (e) {}
          location.reload();
        } else {
          hide();
        }
      });
    })();

    """#
}
