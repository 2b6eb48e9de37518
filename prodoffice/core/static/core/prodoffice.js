// What pages ask for with data- attributes, so that no page carries inline script and the
// Content-Security-Policy (prodoffice/core/middleware.py) can forbid it. Listeners sit on the
// document, so content htmx swaps in later behaves the same.

// <form data-confirm="Delete Acme?">: ask before sending.
document.addEventListener("submit", (event) => {
  const question = event.target.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// <span class="swatch" data-swatch="#ADD8E6">: a revision's paper colour. Set through the
// CSSOM, which the policy allows, where a style="" attribute would be refused.
function paintSwatches(root) {
  for (const swatch of root.querySelectorAll("[data-swatch]")) {
    swatch.style.setProperty("--swatch", swatch.dataset.swatch);
  }
}
document.addEventListener("DOMContentLoaded", () => paintSwatches(document));
document.addEventListener("htmx:afterSwap", (event) => paintSwatches(event.target));
