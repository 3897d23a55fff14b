/// The application's only script, small on purpose: every page works without it.
/// While a form is being sent (a report takes seconds to make), its busy button says so
/// and the form cannot be sent twice. The button is not disabled: a disabled submitter
/// drops its name and value from what the form sends ("Spara" beside "Kontrollera").
enum Script {
    static let text = """
    "use strict";
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (!form || !form.querySelector) { return; }
      if (form.getAttribute("data-sending") === "1") { event.preventDefault(); return; }
      var button = event.submitter
        ? (event.submitter.hasAttribute("data-busy") ? event.submitter : null)
        : form.querySelector("button[data-busy]");
      if (button) {
        form.setAttribute("data-sending", "1");
        button.setAttribute("aria-disabled", "true");
        button.setAttribute("data-label", button.textContent);
        button.textContent = button.getAttribute("data-busy");
      }
    });
    // The logic model's editor: the text checked as it is typed (after a pause), the
    // errors and the diagram replaced with what the server answers. Without script the
    // Kontrollera button does the same.
    (function () {
      var form = document.querySelector("form[data-check]");
      var text = form ? form.querySelector("textarea") : null;
      if (!text) { return; }
      var timer = null, sent = 0;
      text.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          var mine = ++sent;
          var body = new URLSearchParams();
          body.set("yaml", text.value);
          fetch(form.getAttribute("data-check"), {
            method: "POST", credentials: "same-origin", body: body,
            headers: { "X-CSRF-Token": form.querySelector("input[name=_csrf]").value }
          }).then(function (r) { return r.ok ? r.json() : null; }).then(function (answer) {
            if (!answer || mine !== sent) { return; }
            document.getElementById("model-diagnostics").innerHTML = answer.diagnostics;
            document.getElementById("model-diagram").innerHTML = answer.svg || "";
          }).catch(function () {});
        }, 700);
      });
    })();
    // Back to a page kept by the browser: its forms can be sent again.
    window.addEventListener("pageshow", function () {
      document.querySelectorAll("form[data-sending]").forEach(function (form) { form.removeAttribute("data-sending"); });
      document.querySelectorAll("button[data-label]").forEach(function (button) {
        button.textContent = button.getAttribute("data-label");
        button.removeAttribute("data-label");
        button.removeAttribute("aria-disabled");
      });
    });

    """
}
