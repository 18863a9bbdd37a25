// @ts-check
// The search page: Pagefind's UI, in Swedish from <html lang="sv">, starting with the words from
// the search box in the site header (?q=...).
(function () {
  var element = document.getElementById("sok");
  if (!element || !("PagefindUI" in window)) return;
  // @ts-ignore PagefindUI is a global from pagefind-ui.js
  var ui = new window.PagefindUI({
    element: "#sok",
    baseUrl: element.getAttribute("data-search-base") || "/",
    showSubResults: true,
    showImages: false,
  });
  // Pagefind's field has only a placeholder; give it a visible label (WCAG 3.3.2).
  var input = element.querySelector("input");
  if (input) {
    input.id = "sokord";
    var label = document.createElement("label");
    label.htmlFor = "sokord";
    label.className = "search-label";
    label.textContent = "Sökord";
    element.insertBefore(label, element.firstChild);
  }
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
