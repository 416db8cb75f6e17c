// axe-core over the page as it stands, with the parts to leave out (CSS selectors).
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/**
 * axe.run in the page itself ("legacy" mode): the default mode gathers partial results per frame, opens a blank
 * page (a new renderer process) and finishes there, which took as long as the analysis itself; our pages have no
 * cross-origin frames that would need it. Only violations are collected: no spec reads the passes.
 */
export async function axeViolations(page: Page, exclude: string[] = []) {
  let axe = new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ["violations"] });
  for (const selector of exclude) axe = axe.exclude(selector);
  return (await axe.analyze()).violations;
}
