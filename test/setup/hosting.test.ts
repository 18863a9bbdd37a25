import { describe, expect, it } from "vitest";
import { githubPagesUrl, pathPrefixAdvice, publishingOf } from "../../src/setup/hosting.ts";
import { droppedPath } from "../../src/setup/questions.ts";

describe("where the archive lives and is published", () => {
  it("gives GitHub Pages' address for a repository, and the owner's own site for owner.github.io", () => {
    expect(githubPagesUrl("RegionDalarna/avslutade-projekt")).toBe("https://regiondalarna.github.io/avslutade-projekt/");
    expect(githubPagesUrl("regiondalarna/RegionDalarna.github.io")).toBe("https://regiondalarna.github.io/");
  });

  it("reads Pages from a github.io or gitlab.io address, and otherwise takes the host's own way of publishing", () => {
    expect(publishingOf("https://region.gitlab.io/arkiv/", "github")).toBe("gitlab-pages");
    expect(publishingOf("https://region.github.io/arkiv/", "gitlab")).toBe("github-pages");
    expect(publishingOf("https://www.region.se/arkiv/", "forgejo")).toBe("server");
    expect(publishingOf("https://www.region.se/arkiv/", "gitlab")).toBe("gitlab-pages");
  });

  it.each([
    // GitHub Pages builds under /<repository>/: right for owner.github.io/name, wrong for the owner's own site.
    ["github", "regiondalarna/arkiv", "github-pages", "https://regiondalarna.github.io/arkiv/", undefined],
    ["github", "regiondalarna/regiondalarna.github.io", "github-pages", "https://regiondalarna.github.io/", "/"],
    ["github", "regiondalarna/arkiv", "github-pages", "https://projekt.region.se/", "/"],
    ["github", "regiondalarna/arkiv", "server", "https://www.region.se/arkiv/", "/arkiv/"],
    // GitLab builds under the path of its Pages address, which a gitlab.io address is.
    ["gitlab", "region/bibliotek/arkiv", "gitlab-pages", "https://region.gitlab.io/bibliotek/arkiv/", undefined],
    ["gitlab", "region/arkiv", "gitlab-pages", "https://projekt.region.se/", "/"],
    ["gitlab", "region/arkiv", "server", "https://www.region.se/arkiv/", "/arkiv/"],
    // Forgejo builds under /.
    ["forgejo", "bibliotek/arkiv", "server", "https://projekt.region.se/", undefined],
    ["forgejo", "bibliotek/arkiv", "server", "https://www.region.se/arkiv/", "/arkiv/"],
  ] as const)("%s %s, %s at %s: SITE_PATH_PREFIX %s", (backend, repo, publishing, url, variable) => {
    const advice = pathPrefixAdvice({ cms: { backend, repo }, publishing, url });
    if (variable === undefined) {
      expect(advice.remaining).toBeUndefined();
      expect(advice.done).toContain(`sökvägen ${new URL(url).pathname},`);
    } else {
      expect(advice.done).toBeUndefined();
      expect(advice.remaining).toContain(`skapa variabeln SITE_PATH_PREFIX med värdet ${variable} `);
    }
  });

  it("gives no advice for an archive with no place yet", () => {
    expect(pathPrefixAdvice({ publishing: "server", url: "https://www.region.se/arkiv/" })).toEqual({});
  });
});

describe("a dropped file's path", () => {
  it.each([
    ["'/home/åsa/Min logga.png'", "/home/åsa/Min logga.png"],
    ["'/home/åsa/Åsa'\\''s logga.png'", "/home/åsa/Åsa's logga.png"],
    ['"/home/åsa/Min \\"nya\\" logga.png"', '/home/åsa/Min "nya" logga.png'],
    ["/home/åsa/Min\\ logga\\ \\(2\\).png", "/home/åsa/Min logga (2).png"],
    ["/home/åsa/logga.png", "/home/åsa/logga.png"],
  ])("reads %s as %s", (dropped, file) => {
    expect(droppedPath(dropped, "linux")).toBe(file);
  });

  it("keeps a Windows path's backslashes, and takes away its quotes", () => {
    expect(droppedPath('"C:\\Users\\asa\\Min logga.png"', "win32")).toBe("C:\\Users\\asa\\Min logga.png");
    expect(droppedPath("C:\\Users\\asa\\(arkiv)\\logga.png", "win32")).toBe("C:\\Users\\asa\\(arkiv)\\logga.png");
  });
});
