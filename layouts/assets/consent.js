// @ts-check
// Cookie consent (LEK 9 kap. 28 §): nothing that needs consent loads before the visitor chooses,
// refusing takes one click like accepting, and the choice can be changed on /kakor/.
// The only thing stored without asking is the visitor's own choice.
(function () {
  var STORAGE_KEY = "projektarkiv-samtycke";
  var script = /** @type {HTMLScriptElement} */ (document.currentScript);
  // The site root, including any path prefix: this file lives at <root>/assets/consent.js.
  var siteRoot = new URL("../", script.src);
  var settingsElement = document.getElementById("samtyckesinstallningar");
  /** @type {{ id: string, name: string, scripts: string[], cookies: { name: string }[] }[]} */
  var categories = settingsElement ? JSON.parse(settingsElement.textContent || "[]") : [];

  /** @returns {{ dismissed?: boolean, categories?: Record<string, boolean> } | null} */
  function readChoice() {
    try {
      return JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null");
    } catch (error) {
      return null;
    }
  }

  /** @param {object} choice */
  function writeChoice(choice) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(choice));
    } catch (error) {
      // Storage may be blocked; the choice then holds for this page only.
    }
  }

  /** @param {ReturnType<typeof readChoice>} choice */
  function isDecided(choice) {
    if (!choice) return false;
    if (categories.length === 0) return choice.dismissed === true;
    return categories.every(function (category) {
      return choice.categories !== undefined && typeof choice.categories[category.id] === "boolean";
    });
  }

  /** @param {ReturnType<typeof readChoice>} choice */
  function applyChoice(choice) {
    categories.forEach(function (category) {
      var accepted = Boolean(choice && choice.categories && choice.categories[category.id]);
      if (accepted) {
        category.scripts.forEach(function (src) {
          var url = src.charAt(0) === "/" ? new URL(src.slice(1), siteRoot).href : src;
          if (document.querySelector('script[data-consent-category][src="' + url + '"]')) return;
          var element = document.createElement("script");
          element.src = url;
          element.setAttribute("data-consent-category", category.id);
          document.head.appendChild(element);
        });
      } else {
        // Withdrawing consent removes the cookies this site declared for the category.
        category.cookies.forEach(function (cookie) {
          document.cookie = cookie.name + "=; Max-Age=0; path=/";
        });
      }
    });
  }

  var notice = /** @type {HTMLElement | null} */ (document.querySelector("[data-consent-notice]"));

  function showNotice() {
    if (!notice) return;
    notice.hidden = false;
    // Room below the page, so the notice never covers the end of the content.
    document.body.style.paddingBottom = notice.offsetHeight + "px";
  }

  function hideNotice() {
    if (!notice || notice.hidden) return;
    var hadFocus = notice.contains(document.activeElement);
    notice.hidden = true;
    document.body.style.paddingBottom = "";
    if (hadFocus) {
      var main = document.getElementById("innehall");
      if (main) main.focus();
    }
  }

  function describeChoice() {
    var status = document.querySelector("[data-consent-status]");
    if (!status) return;
    var choice = readChoice();
    if (!isDecided(choice)) {
      status.textContent = "Du har inte gjort något val ännu. Inga kakor som kräver samtycke sparas.";
      return;
    }
    var accepted = categories.filter(function (category) {
      return choice && choice.categories && choice.categories[category.id];
    });
    status.textContent =
      accepted.length > 0
        ? "Du har godkänt kakor för " + accepted.map(function (category) { return category.name.toLowerCase(); }).join(", ") + "."
        : "Du har avvisat alla kakor som kräver samtycke.";
  }

  /** @param {string} kind "accept", "reject" or "dismiss" */
  function choose(kind) {
    /** @type {Record<string, boolean>} */
    var decisions = {};
    categories.forEach(function (category) {
      decisions[category.id] = kind === "accept";
    });
    var choice = categories.length === 0 ? { dismissed: true } : { categories: decisions };
    writeChoice(choice);
    applyChoice(choice);
    hideNotice();
    describeChoice();
  }

  document.addEventListener("click", function (event) {
    var target = /** @type {Element} */ (event.target);
    var button = target.closest ? target.closest("[data-consent-choice]") : null;
    if (button) choose(button.getAttribute("data-consent-choice") || "reject");
  });

  var stored = readChoice();
  if (isDecided(stored)) applyChoice(stored);
  else showNotice();

  var settings = /** @type {HTMLElement | null} */ (document.querySelector("[data-consent-settings]"));
  if (settings) settings.hidden = false;
  describeChoice();
})();
