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
