"use strict";
(function () {
  const token = new URLSearchParams(location.search).get("t") || "";
  const $ = (id) => document.getElementById(id);
  const KEYS = ["name", "phone", "hours", "web", "email", "tags"];
  let project = null, area = null, text = "", baseHash = "", timer = null, sheet = null;

  function api(path, body) {
    const init = { headers: { "X-Wellprint-Token": token } };
    if (body !== undefined) {
      init.method = "POST";
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(path, init);
  }
  function status(msg) { $("status").textContent = msg; }
  function option(sel, value, label) {
    const o = document.createElement("option");
    o.value = value; o.textContent = label || value; sel.appendChild(o);
  }
  function fill(sel, items) { sel.replaceChildren(); items.forEach((i) => option(sel, i)); }

  function resource() { return project.resources.find((r) => r.id === $("resource").value); }
  function variant() { return resource().variants.find((v) => v.id === $("variant").value); }
  function onResource() { fill($("variant"), resource().variants.map((v) => v.id)); onVariant(); }
  function onVariant() { fill($("format"), variant().formats); schedule(); }

  async function loadArea() {
    const r = await api("/api/area/" + encodeURIComponent($("area").value));
    if (!r.ok) { status("The area did not load: " + r.status); return; }
    area = await r.json();
    text = area.text; baseHash = area.hash; sheet = area.spreadsheet;
    $("text").value = text;
    showFields(area.fields);
    schedule();
  }

  function showFields(fields) {
    if (!fields) return;
    ["name", "nation", "prepared-by"].forEach((k) => { $("f-" + k).value = fields.area[k] || ""; });
    const body = $("contacts");
    body.replaceChildren();
    fields.contacts.forEach((c, i) => {
      const tr = document.createElement("tr");
      KEYS.forEach((k) => {
        const td = document.createElement("td");
        const input = document.createElement("input");
        input.value = c[k] || "";
        input.dataset.contact = i; input.dataset.key = k;
        input.id = "c-" + i + "-" + k;
        input.setAttribute("aria-label", "Contact " + (i + 1) + " " + k);
        input.addEventListener("input", () => later(input, () => ({ op: "set", field: { contact: i, key: k }, value: input.value })));
        const err = document.createElement("p");
        err.className = "error"; err.id = "e-" + i + "-" + k;
        input.setAttribute("aria-describedby", err.id);
        td.append(input, err); tr.appendChild(td);
      });
      const td = document.createElement("td");
      td.className = "order";
      const n = fields.contacts.length;
      const button = (label, words, id, onClick, off) => {
        const b = document.createElement("button");
        b.type = "button"; b.textContent = label; b.id = id;
        b.setAttribute("aria-label", words);
        b.disabled = off;
        b.addEventListener("click", onClick);
        td.appendChild(b);
      };
      button("↑", "Move contact " + (i + 1) + " up", "up-" + i, () => move(i, i - 1, "up-"), i === 0);
      button("↓", "Move contact " + (i + 1) + " down", "down-" + i, () => move(i, i + 1, "down-"), i === n - 1);
      button("Remove", "Remove contact " + (i + 1), "remove-" + i, () => change({ op: "remove-contact", index: i }), false);
      tr.appendChild(td); body.appendChild(tr);
    });
    showSheet(body);
    $("csv-note").hidden = !fields.contacts_csv;
    $("csv-note").textContent = sheet
      ? "The rows marked \u201cin the spreadsheet\u201d come from " + sheet.path + (sheet.sheet ? ", sheet \u201c" + sheet.sheet + "\u201d" : "") +
        ". They are read-only here: edit them in the spreadsheet. Saving never changes that file."
      : fields.contacts_csv ? "More contacts are in " + fields.contacts_csv + ": edit them there." : "";
  }

  // The contacts kept in a spreadsheet: shown as text, never edited.
  function showSheet(body) {
    if (!sheet || !sheet.read_only) return;
    sheet.contacts.forEach((c) => {
      const tr = document.createElement("tr");
      tr.className = "read-only";
      KEYS.forEach((k) => {
        const td = document.createElement("td");
        td.textContent = c[k] || "";
        tr.appendChild(td);
      });
      const td = document.createElement("td");
      td.textContent = "in the spreadsheet, row " + c.row;
      tr.appendChild(td); body.appendChild(tr);
    });
  }

  // After a move the focus follows the contact, so the keys can move it
  // again (on its new row's button, or the other one at an end).
  async function move(from, to, kind) {
    await change({ op: "move-contact", index: from, to: to });
    const same = $(kind + to);
    const other = $((kind === "up-" ? "down-" : "up-") + to);
    (same && !same.disabled ? same : other).focus();
  }

  // A field's change is sent 300 ms after the last key press; changes
  // are sent one after another, each to the text the last one returned.
  let queue = Promise.resolve();
  const pending = new WeakMap();
  function later(input, make) {
    clearTimeout(pending.get(input));
    pending.set(input, setTimeout(() => change(make()), 300));
  }
  function change(c) { queue = queue.then(() => send(c)); return queue; }

  async function send(c) {
    const r = await api("/api/area/" + encodeURIComponent(area.id) + "/edit", { text: text, changes: [c] });
    const body = await r.json();
    if (!r.ok) { status(body.error || "The change was refused."); return; }
    text = body.text; $("text").value = text;
    if (body.spreadsheet !== undefined) sheet = body.spreadsheet;
    if (c.op !== "set") showFields(body.fields);
    if (c.op === "set") preview(); else schedule();
  }

  function schedule() { clearTimeout(timer); timer = setTimeout(preview, 300); }

  function clearProblems() {
    $("problems").replaceChildren();
    document.querySelectorAll(".error").forEach((e) => { e.textContent = ""; });
    document.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
  }

  function showProblems(list) {
    const ul = document.createElement("ul");
    list.forEach((d) => {
      const words = d.severity + ": " + d.message + (d.hints.length ? " (" + d.hints.join("; ") + ")" : "");
      const f = d.field;
      const id = f && f.key ? (f.contact === null || f.contact === undefined ? "e-" + f.key : "e-" + f.contact + "-" + f.key) : null;
      const el = id && $(id);
      if (el) {
        el.textContent = words;
        el.className = d.severity === "error" ? "error" : "error warning";
        const input = el.previousElementSibling;
        if (input && d.severity === "error") input.setAttribute("aria-invalid", "true");
      } else {
        const li = document.createElement("li");
        const place = d.file ? d.file + ":" + d.line + ":" + d.column + ": " : "";
        li.textContent = place + words;
        ul.appendChild(li);
      }
    });
    if (ul.children.length) $("problems").appendChild(ul);
  }

  function bytes(b64) { return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)); }
  // The SVG elements come from a template: the HTML parser gives them
  // their namespace.
  function line(svg, cls, x, y, w, h) {
    const r = $("lines").content.querySelector("rect").cloneNode();
    r.setAttribute("class", "line " + cls);
    [["x", x], ["y", y], ["width", w], ["height", h]].forEach(([k, v]) => r.setAttribute(k, v));
    svg.appendChild(r);
  }
  // Trim, bleed edge, safe area and folds, in the page's points.
  function lines(p) {
    const svg = $("lines").content.querySelector("svg").cloneNode();
    const b = p.bleed, [w, h] = p.trim;
    svg.setAttribute("viewBox", "0 0 " + (w + 2 * b) + " " + (h + 2 * b));
    line(svg, "bleed", 0, 0, w + 2 * b, h + 2 * b);
    line(svg, "trim", b, b, w, h);
    line(svg, "safe", b + p.safe, b + p.safe, w - 2 * p.safe, h - 2 * p.safe);
    p.folds.forEach((x) => line(svg, "fold", b + x, 0, 0, h + 2 * b));
    svg.style.display = $("show-lines").checked ? "" : "none";
    return svg;
  }
  let urls = [];
  function showPages(pages) {
    urls.forEach((u) => URL.revokeObjectURL(u));
    urls = [];
    const figures = pages.map((p, i) => {
      const fig = document.createElement("figure");
      const img = document.createElement("img");
      const url = URL.createObjectURL(new Blob([bytes(p.png)], { type: "image/png" }));
      urls.push(url);
      img.src = url;
      img.alt = "Page " + (i + 1) + " of " + pages.length + " as printed";
      img.width = p.pixels[0]; img.height = p.pixels[1];
      const cap = document.createElement("figcaption");
      cap.textContent = "Page " + (i + 1) + " of " + pages.length;
      const sheet = document.createElement("div");
      sheet.className = "sheet";
      sheet.append(img, lines(p));
      fig.append(sheet, cap);
      return fig;
    });
    $("pages").replaceChildren(...figures);
  }

  let previews = 0;
  async function preview() {
    if (!area) return;
    const started = performance.now();
    const width = Math.round(Math.min(2400, $("pages").clientWidth * (window.devicePixelRatio || 1)));
    const r = await api("/api/preview/pages", Object.assign(documentRequest(), { width: width || 800 }));
    clearProblems();
    if (r.ok) {
      const body = await r.json();
      showProblems(body.diagnostics);
      showPages(body.pages);
      previews += 1;
      $("pages").dataset.previews = previews;
      status("Preview made in " + Math.round(performance.now() - started) + " ms.");
    } else if (r.status === 422) {
      showProblems((await r.json()).diagnostics);
      status("The document does not build: see the mistakes marked.");
    } else {
      status("The preview failed: " + r.status);
    }
  }

  function documentRequest() {
    return { area: area.id, resource: $("resource").value, variant: $("variant").value,
      format: $("format").value, area_text: text };
  }

  function saveBlob(blob, name) {
    const a = document.createElement("a");
    const url = URL.createObjectURL(blob);
    a.href = url; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }
  function fileName(r, fallback) {
    const m = /filename="([^"]+)"/.exec(r.headers.get("Content-Disposition") || "");
    return m ? m[1] : fallback;
  }

  async function download(target) {
    status("Making the " + target + " PDF…");
    const r = await api("/api/download", Object.assign(documentRequest(), { for: target }));
    if (r.ok) { saveBlob(await r.blob(), fileName(r, "document.pdf")); status("Downloaded the " + target + " PDF."); }
    else if (r.status === 422) { clearProblems(); showProblems((await r.json()).diagnostics); status("Not downloaded: fix the mistakes marked."); }
    else { status("The download failed: " + r.status); }
  }

  async function downloadZip() {
    const bar = $("zip-progress");
    const r = await api("/api/zip", { for: "print" });
    if (!r.ok) { $("zip-status").textContent = "The ZIP did not start: " + r.status; return; }
    const job = (await r.json()).job;
    for (;;) {
      const p = await (await api("/api/zip/" + job)).json();
      bar.max = Math.max(1, p.total); bar.value = p.done;
      $("zip-status").textContent = p.done + " of " + p.total + " PDFs";
      if (p.finished) {
        if (p.error) { $("zip-status").textContent = "No ZIP: " + p.error; return; }
        const f = await api("/api/zip/" + job + "/file");
        saveBlob(await f.blob(), fileName(f, "wellprint-pdfs.zip"));
        $("zip-status").textContent = "Downloaded " + p.done + " PDFs" +
          (p.failed.length ? "; left out: " + p.failed.join("; ") : ".");
        return;
      }
      await new Promise((ok) => setTimeout(ok, 400));
    }
  }

  async function newArea() {
    const r = await api("/api/new-area", { name: $("new-name").value, nation: $("new-nation").value });
    const body = await r.json();
    if (!r.ok) { $("e-new").textContent = body.error || String(r.status); $("new-name").setAttribute("aria-invalid", "true"); return; }
    $("e-new").textContent = ""; $("new-name").removeAttribute("aria-invalid");
    await loadProject();
    $("area").value = body.id;
    await loadArea();
    status("Wrote " + body.path + ": fill in its contacts.");
  }

  async function save() {
    const r = await api("/api/save", { area: area.id, area_text: text, base_hash: baseHash });
    const body = await r.json();
    if (r.ok) { baseHash = body.hash; $("reload").hidden = true; status("Saved " + area.path + "."); }
    else if (r.status === 409) { status(body.error + " (your edits are kept here until you reload)"); $("reload").hidden = false; $("reload").focus(); }
    else if (r.status === 422) { clearProblems(); showProblems(body.diagnostics); status("Not saved: fix the mistakes marked."); }
    else { status("Not saved: " + (body.error || r.status)); }
  }

  async function loadProject() {
    const r = await api("/api/project");
    if (!r.ok) { status("The project did not load: " + r.status); return false; }
    project = await r.json();
    $("area").replaceChildren();
    project.areas.forEach((a) => option($("area"), a.id, a.name + (a.broken ? " (has mistakes)" : "")));
    return true;
  }

  async function start() {
    if (!(await loadProject())) return;
    fill($("resource"), project.resources.map((r) => r.id));
    $("area").addEventListener("change", loadArea);
    $("resource").addEventListener("change", onResource);
    $("variant").addEventListener("change", onVariant);
    $("format").addEventListener("change", schedule);
    ["name", "nation", "prepared-by"].forEach((k) => {
      const input = $("f-" + k);
      input.addEventListener(k === "nation" ? "change" : "input", () => later(input, () => ({ op: "set", field: { contact: null, key: k }, value: input.value })));
    });
    $("text").addEventListener("input", () => { text = $("text").value; schedule(); });
    $("add-contact").addEventListener("click", () => change({ op: "add-contact" }));
    $("save").addEventListener("click", save);
    $("reload").addEventListener("click", async () => { $("reload").hidden = true; await loadArea(); status("Reloaded " + area.path + " from disk."); });
    $("download-print").addEventListener("click", () => download("print"));
    $("download-screen").addEventListener("click", () => download("screen"));
    $("download-zip").addEventListener("click", downloadZip);
    $("new-area").addEventListener("click", newArea);
    $("show-lines").addEventListener("change", () => {
      const on = $("show-lines").checked;
      $("lines-key").hidden = !on;
      document.querySelectorAll("#pages svg").forEach((s) => { s.style.display = on ? "" : "none"; });
    });
    onResource();
    await loadArea();
    status("Ready.");
  }
  start();
})();
