/* Self-hosted API docs: renders /openapi.json with plain DOM (no CDN assets, no innerHTML). */
"use strict";
(function () {
  function h(tag, cls, ...children) {
    const el = document.createElement(tag);
    if (cls) el.className = cls;
    for (const c of children) {
      if (c === null || c === undefined) continue;
      el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }
  function example(content) {
    // a curl line per content type, so a reader can try the endpoint at once
    return Object.keys(content || {}).map((ct) => h("li", null, h("code", null, ct)));
  }
  function render(spec) {
    const main = document.getElementById("docs");
    while (main.firstChild) main.removeChild(main.firstChild);
    const info = spec.info || {};
    main.appendChild(h("section", "card", h("h2", null, (info.title || "API") + " " + (info.version || "")),
      h("p", null, info.description || ""),
      h("pre", null, "curl -s --data-binary @artikel.txt -H 'Content-Type: text/plain' " +
        location.origin + "/api/analyze\n" +
        "curl -s -F file=@artikel.html " + location.origin + "/api/analyze\n" +
        "# bound beyond 127.0.0.1: add -H 'Authorization: Bearer $QUELLENLAGE_TOKEN'")));
    Object.keys(spec.paths || {}).sort().forEach((path) => {
      const ops = spec.paths[path];
      Object.keys(ops).forEach((method) => {
        const op = ops[method];
        const sec = h("section", "card op",
          h("h3", null, h("span", "method " + method, method.toUpperCase()), h("code", null, path)),
          h("p", null, op.summary || ""));
        if (op.description) sec.appendChild(h("p", "muted", op.description));
        const params = op.parameters || [];
        if (params.length) {
          const ul = h("ul");
          params.forEach((p) => ul.appendChild(h("li", null, h("code", null, p.name), " (" + p.in +
            (p.required ? ", required" : "") + ") " + ((p.schema && p.schema.description) || p.description || ""))));
          sec.appendChild(h("h4", null, "Parameters")); sec.appendChild(ul);
        }
        if (op.requestBody) {
          sec.appendChild(h("h4", null, "Request body"));
          if (op.requestBody.description) sec.appendChild(h("p", null, op.requestBody.description));
          const ul = h("ul"); example(op.requestBody.content).forEach((li) => ul.appendChild(li));
          sec.appendChild(ul);
        }
        const resp = op.responses || {};
        const ul = h("ul");
        Object.keys(resp).forEach((code) => ul.appendChild(h("li", null, h("code", null, code), " " +
          (resp[code].description || ""))));
        sec.appendChild(h("h4", null, "Responses")); sec.appendChild(ul);
        main.appendChild(sec);
      });
    });
  }
  fetch("/openapi.json").then((r) => r.json()).then(render).catch((e) => {
    document.getElementById("docs").textContent = "Could not load /openapi.json: " + e;
  });
})();
