import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** One line per violation and element, so a failure says what is wrong and where. */
export async function axeViolations(page: Page, tags: readonly string[] = [...WCAG_TAGS, "best-practice"]): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags([...tags]).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${violation.help} at ${node.target.join(" ")}`),
  );
}
