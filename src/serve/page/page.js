"use strict";
(function () {
  const token = new URLSearchParams(location.search).get("t") || "";
  const $ = (id) => document.getElementById(id);
  const KEYS = ["name", "phone", "hours", "web", "email", "tags"];
  let project = null, area = null, text = "", baseHash = "", timer = null, previewUrl = null;

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
    text = area.text; baseHash = area.hash;
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
      const b = document.createElement("button");
      b.type = "button"; b.textContent = "Remove";
      b.setAttribute("aria-label", "Remove contact " + (i + 1));
      b.addEventListener("click", () => change({ op: "remove-contact", index: i }));
      td.appendChild(b); tr.appendChild(td); body.appendChild(tr);
    });
    $("csv-note").hidden = !fields.contacts_csv;
    $("csv-note").textContent = fields.contacts_csv ? "More contacts are in " + fields.contacts_csv + ": edit them there." : "";
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

  async function preview() {
    if (!area) return;
    const started = performance.now();
    const r = await api("/api/preview", {
      area: area.id, resource: $("resource").value, variant: $("variant").value,
      format: $("format").value, area_text: text,
    });
    clearProblems();
    if (r.ok) {
      const warnings = r.headers.get("X-Wellprint-Diagnostics");
      if (warnings) showProblems(JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(warnings), (c) => c.charCodeAt(0)))));
      const blob = await r.blob();
      if (previewUrl) URL.revokeObjectURL(previewUrl);
      previewUrl = URL.createObjectURL(blob);
      $("preview").src = previewUrl;
      status("Preview made in " + Math.round(performance.now() - started) + " ms.");
    } else if (r.status === 422) {
      showProblems((await r.json()).diagnostics);
      status("The document does not build: see the mistakes marked.");
    } else {
      status("The preview failed: " + r.status);
    }
  }

  async function save() {
    const r = await api("/api/save", { area: area.id, area_text: text, base_hash: baseHash });
    const body = await r.json();
    if (r.ok) { baseHash = body.hash; status("Saved " + area.path + "."); }
    else if (r.status === 409) { status(body.error + " (your edits are kept here; reload the area to see the file)"); }
    else if (r.status === 422) { clearProblems(); showProblems(body.diagnostics); status("Not saved: fix the mistakes marked."); }
    else { status("Not saved: " + (body.error || r.status)); }
  }

  async function start() {
    const r = await api("/api/project");
    if (!r.ok) { status("The project did not load: " + r.status); return; }
    project = await r.json();
    project.areas.forEach((a) => option($("area"), a.id, a.name + (a.broken ? " (has mistakes)" : "")));
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
    onResource();
    await loadArea();
    status("Ready.");
  }
  start();
})();
