/// The application's only script, small on purpose: every page works without it.
/// While a report is being generated (seconds for the final report), the button says
/// so and cannot be pressed twice.
enum Script {
    static let text = """
    "use strict";
    document.addEventListener("submit", function (event) {
      var form = event.target;
      var button = form && form.querySelector ? form.querySelector("button[data-busy]") : null;
      if (button) {
        button.disabled = true;
        button.textContent = button.getAttribute("data-busy");
      }
    });

    """
}
