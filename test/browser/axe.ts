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
async function violationsOf(page: Page, tags: string[]): Promise<readonly Violation[]> {
  if (page.frames().length > 1) {
    return (await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).withTags(tags).analyze()).violations; // options() replaces what withTags() set
  }
  // Evaluated through the DevTools protocol, so the page's own Content-Security-Policy does not apply.
  await page.evaluate(axe.source);
  return page.evaluate(
    (options) => (window as unknown as { axe: typeof axe }).axe.run(document, options).then((results) => results.violations),
    { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] } as axe.RunOptions,
  );
}

/** One line per violation and element, so a failure says what is wrong and where. */
export async function axeViolations(page: Page, tags: readonly string[] = [...WCAG_TAGS, "best-practice"]): Promise<string[]> {
  return linesOf(await violationsOf(page, [...tags]));
}

function linesOf(violations: readonly Violation[]): string[] {
  return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${violation.help} at ${node.target.join(" ")}`));
}
