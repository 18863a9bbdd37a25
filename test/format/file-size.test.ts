import { describe, expect, it } from "vitest";
import { formatFileSize } from "../../src/format/file-size.ts";

describe("file sizes in Swedish", () => {
  it("writes bytes, kilobytes and megabytes as Windows counts them, with a decimal comma", () => {
    expect(formatFileSize(720)).toBe("720 byte");
    expect(formatFileSize(340 * 1024)).toBe("340 kB");
    expect(formatFileSize(1.2 * 1024 * 1024)).toBe("1,2 MB");
    expect(formatFileSize(26 * 1024 * 1024)).toBe("26 MB");
  });
});
