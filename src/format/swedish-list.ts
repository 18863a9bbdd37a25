const conjunction = new Intl.ListFormat("sv", { style: "long", type: "conjunction" });

/** A list written the Swedish way: ["A", "B", "C"] is "A, B och C". */
export function joinSwedish(items: readonly string[]): string {
  return conjunction.format(items);
}
