// Progressive enhancement only: every form works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  // "Option" reveals the contact address field on account creation.
  for (const button of document.querySelectorAll("button[aria-controls]")) {
    const target = document.getElementById(button.getAttribute("aria-controls"));
    if (!target) continue;
    button.addEventListener("click", () => {
      const open = button.getAttribute("aria-expanded") === "true";
      button.setAttribute("aria-expanded", open ? "false" : "true");
      target.hidden = open;
      if (!open) {
        const input = target.querySelector("input");
        if (input) input.focus();
      }
    });
  }
  // Focus the error summary so screen readers announce it.
  const summary = document.querySelector(".resume-erreurs");
  if (summary) summary.focus();
});
