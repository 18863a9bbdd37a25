import { describe, expect, it } from "vitest";
import { documentCategoryName } from "../../src/format/document-categories.ts";
import { DEFAULT_THEMES, themeKey, themePageUrl, themeVocabulary, vocabularyLabels } from "../../src/format/themes.ts";

describe("themeVocabulary", () => {
  it("is the default list, with what a site adds after it, or the site's own list instead; each theme once", () => {
    expect(themeVocabulary(undefined)).toEqual(DEFAULT_THEMES);
    expect(themeVocabulary({ add: ["Bokcirklar", "Läsfrämjande"] })).toEqual([...DEFAULT_THEMES, "Bokcirklar"]);
    expect(themeVocabulary({ replace: ["läsning", "Läsning", "skrivande"] })).toEqual(["läsning", "skrivande"]);
  });
});

describe("a theme's label", () => {
  it("is found in the vocabulary however it is written, and addressed by its slug", () => {
    const label = vocabularyLabels(DEFAULT_THEMES);
    expect(label("Medie- och Informationskunnighet")).toBe("medie- och informationskunnighet");
    expect(label("  barn och unga")).toBe("barn och unga");
    expect(label("bokcirklar")).toBeUndefined();
    // A zero-width space or joiner pasted inside the word is not seen, and not counted.
    expect(label("läs\u200bfrämjande")).toBe("läsfrämjande");
    expect(label("barn och\u2060 unga\ufeff")).toBe("barn och unga");
    // So is a soft hyphen from Word, and a no-break space is a space.
    expect(label("kompetens\u00adutveckling")).toBe("kompetensutveckling");
    expect(label("folkbildning och\u00a0samverkan")).toBe("folkbildning och samverkan");
    expect(themeKey("Lokaler och meröppet")).toBe("lokaler-och-meroppet");
    expect(themePageUrl("mångspråk")).toBe("/amne/mangsprak/");
  });
});

describe("documentCategoryName", () => {
  it("names the category before the link, unless the title already says just that", () => {
    expect(documentCategoryName({ title: "Vinna Vinna slutrapport", category: "slutrapport" })).toBe("Slutrapport");
    expect(documentCategoryName({ title: "Utvärdering", category: "utvärdering" })).toBeUndefined();
    expect(documentCategoryName({ title: "Metodbok" })).toBeUndefined();
  });
});
