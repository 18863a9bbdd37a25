import { AxeBuilder } from "@axe-core/playwright";
import axe from "axe-core";
import type { Page } from "playwright-core";

/** WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

interface Violation {
  readonly id: string;
  readonly impact?: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[] }[];
}

/**
 * The violations axe-core finds on the page. A page without frames (every public page) is checked
 * by running axe in it directly: @axe-core/playwright's AxeBuilder opens a second page for every
 * run to merge the frames' results, which made a run about four times slower. A page with frames
 * (the web editor's preview) is checked by AxeBuilder, frames included. Only violations are
 * collected; the passes, which nobody reads here, were half of a run's time.
 */
async function violationsOf(page: Page, runOnly: { type: "tag" | "rule"; values: string[] }): Promise<readonly Violation[]> {
  if (page.frames().length > 1) {
    const builder = new AxeBuilder({ page }).options({ resultTypes: ["violations"] }); // options() replaces what withTags() set
    return (await (runOnly.type === "tag" ? builder.withTags(runOnly.values) : builder.withRules(runOnly.values)).analyze()).violations;
  }
  // Evaluated through the DevTools protocol, so the page's own Content-Security-Policy does not apply.
  await page.evaluate(axe.source);
  return page.evaluate(
    (options) => (window as unknown as { axe: typeof axe }).axe.run(document, options).then((results) => results.violations),
    { runOnly, resultTypes: ["violations"] } as axe.RunOptions,
  );
}

/** One line per violation and element, so a failure says what is wrong and where. */
export async function axeViolations(page: Page, tags: readonly string[] = [...WCAG_TAGS, "best-practice"]): Promise<string[]> {
  return linesOf(await violationsOf(page, { type: "tag", values: [...tags] }));
}

/**
 * The rules of WCAG 2.1 AA that a colour decides: text contrast (1.4.3) and links told apart from
 * the text around them (1.4.1). A page in another colour is otherwise the same page.
 */
export const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/** The violations of the given axe rules only. */
export async function axeRuleViolations(page: Page, rules: readonly string[]): Promise<string[]> {
  return linesOf(await violationsOf(page, { type: "rule", values: [...rules] }));
}

function linesOf(violations: readonly Violation[]): string[] {
  return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${violation.help} at ${node.target.join(" ")}`));
}
