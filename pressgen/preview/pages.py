"""The preview's own pages and the script it adds to every HTML page it serves.

None of this reaches ``out/`` or the files on disk: the server adds :func:`inject`'s script to
HTML responses only. The script polls ``/__pressgen/state`` (a few bytes, every 250 ms; plain
polling holds no connection open, so many open tabs never starve the browser's per-host limit),
reloads the page once a newer build is in place, and shows the current problems in an overlay
over the last good page.
"""

from __future__ import annotations

import html
import json
import re

from pressgen.preview.rebuild import Entry, State
from pressgen.render.formats import INDEX, output_path

STATE_PATH = "/__pressgen/state"
SIDE_BY_SIDE_PREFIX = "/side-by-side/"

# Shown in every served HTML page; the version is the build the page comes from.
CLIENT_SCRIPT = r"""
(function () {
  "use strict";
  if (window.top !== window) return;  /* a frame of the side-by-side view: the top page reloads it */
  var version = %(version)d, host = null, stopped = false;
  function el(tag, style, text) {
    var e = document.createElement(tag);
    if (style) e.setAttribute("style", style);
    if (text) e.textContent = text;
    return e;
  }
  function show(problems) {
    if (!host) {
      host = document.createElement("pressgen-overlay");
      host.id = "pressgen-overlay";
      host.attachShadow({mode: "open"});
      document.documentElement.appendChild(host);
    }
    var key = JSON.stringify(problems);
    if (host.dataset.key === key) return;
    host.dataset.key = key;
    var root = host.shadowRoot;
    root.textContent = "";
    var shade = el("div", "position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,20,.55);overflow:auto;" +
      "font:15px/1.45 system-ui,sans-serif;color:#1a1a1a;padding:5vh 4vw;box-sizing:border-box");
    var box = el("section", "max-width:60rem;margin:0 auto;background:#fff;border-top:6px solid #b3261e;" +
      "border-radius:6px;padding:1.25rem 1.5rem;box-shadow:0 8px 30px rgba(0,0,0,.35)");
    box.setAttribute("role", "alert");
    var count = problems.length;
    box.appendChild(el("h2", "margin:0 0 .25rem;font-size:1.2rem;color:#b3261e",
      count + (count === 1 ? " problem" : " problems") + " \u00b7 " + count + (count === 1 ? " probl\u00e8me" : " probl\u00e8mes")));
    box.appendChild(el("p", "margin:0 0 1rem;color:#555", "The page below is the last good build; it comes back by " +
      "itself once the file is fixed. \u00b7 La page ci-dessous est la derni\u00e8re version correcte ; " +
      "elle se met \u00e0 jour d\u2019elle-m\u00eame une fois le fichier corrig\u00e9."));
    problems.forEach(function (p) {
      var item = el("div", "border-top:1px solid #ddd;padding:.75rem 0");
      item.className = "problem";
      var where = el("div", "font:600 14px/1.4 ui-monospace,monospace;color:#0b4f8a", p.location);
      where.className = "location";
      item.appendChild(where);
      var msg = el("div", "margin:.2rem 0;font-weight:600", (p.key_path ? p.key_path + ": " : "") + p.message);
      msg.className = "message";
      item.appendChild(msg);
      if (p.source_line) {
        var code = el("pre", "margin:.4rem 0;padding:.5rem .75rem;background:#f4f4f4;border-radius:4px;" +
          "overflow:auto;font:13px/1.5 ui-monospace,monospace");
        code.className = "source";
        var gutter = p.line ? String(p.line) + " | " : "";
        code.textContent = gutter + p.source_line + (p.caret ? "\n" + " ".repeat(gutter.length) + p.caret : "");
        item.appendChild(code);
      }
      if (p.hint) item.appendChild(el("div", "color:#555", "hint: " + p.hint));
      box.appendChild(item);
    });
    shade.appendChild(box);
    root.appendChild(shade);
  }
  function hide() { if (host) { host.remove(); host = null; } }
  function poll() {
    fetch("%(state)s", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
      if (stopped) { stopped = false; document.title = document.title.replace(/^\u23f8 /, ""); }
      if (s.problems.length) show(s.problems);
      else if (s.version !== version) { location.reload(); return; }
      else hide();
      setTimeout(poll, 250);
    }).catch(function () {
      if (!stopped) { stopped = true; document.title = "\u23f8 " + document.title; }
      setTimeout(poll, 1000);
    });
  }
  poll();
})();
"""

_BODY_END = re.compile(rb"</body\s*>", re.I)


def inject(page: bytes, version: int) -> bytes:
    """``page`` with the preview script before ``</body>`` (or at its end)."""
    script = ("<script data-pressgen-preview>" + CLIENT_SCRIPT % {"version": version, "state": STATE_PATH}
              + "</script>\n").encode("utf-8")
    matches = list(_BODY_END.finditer(page))
    if not matches:
        return page + script
    at = matches[-1].start()
    return page[:at] + script + page[at:]


def state_json(state: State) -> bytes:
    """The state as the script reads it."""
    problems = []
    for p in state.problems:
        caret = ""
        if p.source_line and p.column:
            caret = "".join(c if c == "\t" else " " for c in p.source_line[: p.column - 1]) + "^"
        problems.append({"location": p.location, "file": p.file, "line": p.line, "column": p.column,
                         "message": p.message, "key_path": p.key_path, "hint": p.hint,
                         "source_line": p.source_line, "caret": caret})
    return json.dumps({"version": state.version, "problems": problems}, ensure_ascii=False).encode("utf-8")


_STYLE = """
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; }
header { display: flex; gap: 1rem; align-items: baseline; padding: .6rem 1rem; border-bottom: 1px solid #ccc; }
header h1 { font-size: 1rem; margin: 0; }
.status { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: #8a1c1c; }
.status-published { color: #1e6b32; }
.status-draft { color: #6b6b6b; }
main.overview { max-width: 52rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
.milestones { list-style: none; padding: 0; }
.milestones li { border-top: 1px solid #ddd; padding: .9rem 0; }
.milestones p { margin: .2rem 0; }
.links a { margin-right: 1rem; }
.notes { margin: .3rem 0 0; padding-left: 1.2rem; color: #8a4b00; font-size: .9rem; }
.milestones .notes li { border: 0; padding: .1rem 0; }
.columns { display: grid; grid-template-columns: 1fr 1fr; height: calc(100vh - 2.7rem); }
.columns iframe { width: 100%; height: 100%; border: 0; border-left: 1px solid #ccc; }
"""


def status_text(entry: Entry) -> str:
    if entry.status == "embargoed" and entry.embargo_until:
        return f"embargoed until {entry.embargo_until}"
    return entry.status


def overview(state: State) -> bytes:
    """``/``: every milestone with its status, and links to each language and the side-by-side view."""
    e = html.escape
    items = []
    for entry in state.entries:
        titles = "".join(f'<p lang="{e(loc.replace("_", "-"))}">{e(entry.titles.get(loc, entry.id))}</p>'
                         for loc in state.locales)
        links = "".join(f'<a href="/{e(output_path("html", entry.id, loc))}">{e(loc)}</a>' for loc in state.locales)
        notes = "".join(f"<li>{e(note)}</li>" for note in entry.notes)
        notes = f'<ul class="notes">{notes}</ul>' if notes else ""
        items.append(
            f'<li id="{e(entry.id)}"><p><span class="status status-{e(entry.status)}">{e(status_text(entry))}</span>'
            f' · {e(entry.date)} · <code>{e(entry.id)}</code></p>{titles}'
            f'<p class="links"><a class="side-by-side" href="{SIDE_BY_SIDE_PREFIX}{e(entry.id)}.html">side by side</a>'
            f'{links}</p>{notes}</li>')
    if not items:
        items.append("<li>No successful build yet: see the problems above.</li>")
    body = (f'<header><h1>pressgen preview</h1><a href="/{INDEX}">{INDEX} (as built)</a></header>'
            f'<main class="overview"><ul class="milestones">{"".join(items)}</ul></main>')
    return _page("pressgen preview", body)


def side_by_side(state: State, milestone_id: str) -> bytes | None:
    """Both languages of one milestone next to each other, or None for an unknown id."""
    entry = next((x for x in state.entries if x.id == milestone_id), None)
    if entry is None:
        return None
    e = html.escape
    frames = "".join(
        f'<iframe name="{e(loc)}" lang="{e(loc.replace("_", "-"))}" title="{e(entry.titles.get(loc, loc))}" '
        f'src="/{e(output_path("html", entry.id, loc))}"></iframe>' for loc in state.locales)
    body = (f'<header><a href="/">← all milestones</a><h1>{e(entry.id)}</h1>'
            f'<span class="status status-{e(entry.status)}">{e(status_text(entry))}</span></header>'
            f'<div class="columns" style="grid-template-columns: repeat({len(state.locales)}, 1fr)">{frames}</div>')
    return _page(f"{entry.id} · side by side", body)


def _page(title: str, body: str) -> bytes:
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
            ).encode("utf-8")
