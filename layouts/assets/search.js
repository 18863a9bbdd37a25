// @ts-check
// The search page (/sok/) on Pagefind's JavaScript API. The words and the ticked filters search the
// index as the visitor types and ticks, and the address keeps them
// (?q=läsning&amne=läsfrämjande&land=Norge), so that a search can be shared and reloaded. Values
// ticked in one filter widen the search (Norge or Danmark), filters narrow it (a theme and a
// country), and each checkbox's count says how many results ticking it alone would give. The
// results download as CSV, made from the list of projects the build writes
// (sok/projektlista.json), fetched only when asked for.
(() => {
  const root = /** @type {HTMLElement | null} */ (document.querySelector(".search"));
  if (!root) return;
  const base = root.getAttribute("data-search-base") || "/";
  // Shown whole once the filters and the first results are drawn, in the room the page keeps for it.
  const parts = /** @type {HTMLElement} */ (root.querySelector(".search-parts"));
  const form = /** @type {HTMLFormElement} */ (root.querySelector("form"));
  const field = /** @type {HTMLInputElement} */ (form.querySelector("#sokord"));
  const section = /** @type {HTMLElement} */ (root.querySelector(".search-results"));
  const status = /** @type {HTMLElement} */ (root.querySelector(".search-status"));
  const list = /** @type {HTMLElement} */ (root.querySelector(".search-list"));
  const more = /** @type {HTMLElement} */ (root.querySelector(".search-more"));
  const download = /** @type {HTMLElement} */ (root.querySelector(".search-download"));
  const fieldsets = Array.from(root.querySelectorAll("fieldset[data-filter]"), (element) => /** @type {HTMLFieldSetElement} */ (element));
  const nameOf = (/** @type {Element} */ fieldset) => fieldset.getAttribute("data-filter") || "";
  const collator = new Intl.Collator("sv", { numeric: true });
  const SHOWN_AT_ONCE = 10;
  const params = new URLSearchParams(location.search);
  /** @type {any} Pagefind's module, once loaded */
  let pagefind;
  /** @type {Record<string, Record<string, number>>} each filter's values, with how many pages have each */
  let totals = {};
  /** @type {{ data(): Promise<any> }[]} */
  let results = [];
  let shown = 0;
  let latest = 0;
  let timer = 0;

  field.value = params.get("q") || "";

  const failed = () => {
    status.textContent = "Sökningen fungerar inte just nu. Försök igen om en stund.";
    parts.hidden = false;
    section.removeAttribute("aria-busy");
  };

  /** The ticked values of each filter that has any. */
  function ticked() {
    /** @type {Record<string, string[]>} */
    const filters = {};
    for (const fieldset of fieldsets) {
      const values = Array.from(fieldset.querySelectorAll("input:checked"), (input) => /** @type {HTMLInputElement} */ (input).value);
      if (values.length) filters[nameOf(fieldset)] = values;
    }
    return filters;
  }

  function showCounts(/** @type {Record<string, Record<string, number> | undefined>} */ counts) {
    for (const fieldset of fieldsets) {
      const values = counts[nameOf(fieldset)] || {};
      for (const input of fieldset.querySelectorAll("input")) {
        /** @type {HTMLElement} */ (input.parentElement?.querySelector(".count")).textContent = `(${values[input.value] || 0})`;
      }
    }
  }

  /**
   * Draws each filter's checkboxes, ticked as the address says: years newest first, the rest in
   * Swedish order. A filter with many values takes the whole width, in columns: narrow ones for
   * short values such as years.
   */
  function drawFilters() {
    for (const fieldset of fieldsets) {
      const name = nameOf(fieldset);
      const values = Object.keys(totals[name] || {}).sort((a, b) => (name === "ar" ? collator.compare(b, a) : collator.compare(a, b)));
      const column = document.createElement("div");
      for (const value of values) {
        const label = document.createElement("label");
        const input = document.createElement("input");
        const text = document.createElement("span");
        const count = document.createElement("span");
        input.type = "checkbox";
        input.name = name;
        input.value = value;
        input.defaultChecked = params.getAll(name).includes(value);
        count.className = "count";
        text.append(value, " ", count);
        label.append(input, text);
        column.append(label);
      }
      fieldset.append(column);
      fieldset.hidden = values.length === 0;
      fieldset.classList.toggle("many", values.length > 6);
      fieldset.classList.toggle("short", values.every((value) => value.length <= 8));
    }
    showCounts(totals);
  }

  /** Pagefind's excerpt as text, with its <mark> around the words found made again: nothing else of it becomes an element. */
  function excerpt(/** @type {string} */ html) {
    const paragraph = document.createElement("p");
    for (const node of new DOMParser().parseFromString(html, "text/html").body.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.append(mark);
      } else paragraph.append(node.textContent || "");
    }
    return paragraph;
  }

  /** Adds the next results to the list, and moves focus to the first of them when the visitor asked for more. */
  async function showMore(/** @type {boolean} */ focusFirst) {
    const search = latest;
    const next = results.slice(shown, shown + SHOWN_AT_ONCE);
    shown += next.length;
    const pages = await Promise.all(next.map((result) => result.data()));
    if (search !== latest) return;
    const links = pages.map((page) => {
      const item = document.createElement("li");
      const heading = document.createElement("h3");
      const link = document.createElement("a");
      link.href = page.url;
      link.textContent = page.meta.title || page.url;
      heading.append(link);
      item.append(heading, excerpt(page.excerpt));
      list.append(item);
      return link;
    });
    more.hidden = shown >= results.length;
    if (focusFirst) links[0]?.focus();
  }

  /** Keeps the words and the ticks in the address, without adding a step to the browser's history. */
  function keepInAddress(/** @type {string} */ words, /** @type {Record<string, string[]>} */ filters) {
    const query = new URLSearchParams(words ? { q: words } : {});
    for (const [name, values] of Object.entries(filters)) for (const value of values) query.append(name, value);
    const search = query.toString();
    history.replaceState(null, "", search ? `?${search}` : location.pathname);
  }

  /** Searches for what the form says, and shows the results and the counts. */
  async function run() {
    if (!pagefind) return;
    const search = ++latest;
    const words = field.value.trim();
    const filters = ticked();
    const names = Object.keys(filters);
    keepInAddress(words, filters);
    section.setAttribute("aria-busy", "true");
    /** A search with every ticked filter but `left`, which then counts each of its values on its own. */
    const searchWithout = (/** @type {string | undefined} */ left) => {
      const options = Object.fromEntries(names.filter((name) => name !== left).map((name) => [name, { any: filters[name] }]));
      // Without words, in the archive's order (project.njk) rather than Pagefind's.
      return pagefind.search(words || null, words ? { filters: options } : { filters: options, sort: { ordning: "asc" } });
    };
    const found = words || names.length ? await Promise.all([searchWithout(undefined), ...names.map(searchWithout)]) : [];
    if (search !== latest) return;
    showCounts(found.length ? { ...found[0].filters, ...Object.fromEntries(names.map((name, index) => [name, found[index + 1].filters[name]])) } : totals);
    results = found.length ? found[0].results : [];
    shown = 0;
    list.textContent = "";
    status.textContent = !found.length ? "" : results.length === 1 ? "1 träff" : results.length ? `${results.length} träffar` : "Inga träffar";
    download.hidden = results.length === 0;
    await showMore(false);
    if (search === latest) section.removeAttribute("aria-busy");
  }

  const searchNow = () => {
    clearTimeout(timer);
    run().catch(failed);
  };

  /** One cell of a CSV row (RFC 4180): in double quotes, with quotes doubled, when it holds a comma, a quote or a line break. */
  const csvCell = (/** @type {string} */ value) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

  /** Downloads the projects among all the results (not only those shown), in their order, as the build's list describes them. */
  async function downloadCsv() {
    const among = results;
    try {
      const response = await fetch(`${base}sok/projektlista.json`);
      if (!response.ok) throw new Error(String(response.status));
      const projects = await response.json();
      const pages = await Promise.all(among.map((result) => result.data()));
      // The list names pages by their path on the site, without the path prefix that Pagefind's addresses have.
      const rows = [projects.columns, ...pages.map((page) => projects.projects[page.url.slice(base.length - 1)]).filter(Boolean)];
      const text = `\uFEFF${rows.map((/** @type {string[]} */ row) => `${row.map(csvCell).join(",")}\r\n`).join("")}`;
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
      link.download = "sokresultat.csv";
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch {
      status.textContent = "Listan över projekten kunde inte hämtas. Försök igen om en stund.";
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    searchNow();
  });
  field.addEventListener("input", () => {
    clearTimeout(timer);
    timer = window.setTimeout(searchNow, 250);
  });
  form.addEventListener("change", (event) => {
    if (event.target === field) return;
    // The attribute follows the state too, for tools that read the markup rather than the property.
    const checkbox = /** @type {HTMLInputElement} */ (event.target);
    checkbox.toggleAttribute("checked", checkbox.checked);
    searchNow();
  });
  more.querySelector("button")?.addEventListener("click", () => showMore(true).catch(failed));
  download.querySelector("button")?.addEventListener("click", downloadCsv);

  import(`${base}pagefind/pagefind.js`)
    .then(async (module) => {
      await module.options({ baseUrl: base });
      totals = await module.filters();
      pagefind = module;
      drawFilters();
      await run();
      parts.hidden = false;
    })
    .catch(failed);
})();
