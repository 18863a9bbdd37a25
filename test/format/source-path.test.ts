import { describe, expect, it } from "vitest";
import { isWithinSourceReach, sourcePathFolder } from "../../src/format/source-path.ts";

describe("where a path: source may point", () => {
  it("reaches the repository and the folders beside it", () => {
    for (const written of ["_site", "projekt.json", "arkiv/_site/projekt.json", "../kommunens-arkiv/_site", "../kommunens-arkiv/projekt.json", "a/../../syskon", "./../syskon/./_site"]) {
      expect(isWithinSourceReach(written), written).toBe(true);
    }
  });

  it("refuses absolute paths, the folder above the repository and anything further up", () => {
    for (const written of ["/etc", "/srv/arkiv/projekt.json", "C:\\arkiv", "..", "../", "../projekt.json", "../../arkiv", "../syskon/../../arkiv", "..\\..\\arkiv", "a/../../../b", ""]) {
      expect(isWithinSourceReach(written), written).toBe(false);
    }
  });

  it("names the folder of a file, and a folder itself", () => {
    expect(sourcePathFolder("../syskon/projekt.json")).toBe("../syskon");
    expect(sourcePathFolder("../syskon/_site")).toBe("../syskon/_site");
  });
});
