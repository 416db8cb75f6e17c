// A list drawn by components/ui/data-table.tsx: at 375 px the page does not scroll sideways and the first row
// is a card that shows each named field (its label and a value, inside the screen); at 1280 px it is a table
// with those column headings and no card labels. Leaves the viewport at 1280 px.
import { expect, type Locator, type Page } from "@playwright/test";

export async function noSidewaysScrollAt375(page: Page) {
  await page.setViewportSize({ width: 375, height: 812 });
  await expect
    .poll(() => page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth), {
      message: "page wider than the screen at 375 px",
    })
    .toBeLessThanOrEqual(0);
}

/** The card label a cell shows (generated content from its data-label), or "" when it shows none. */
const cardLabel = (cell: Locator) =>
  cell.evaluate((td) => getComputedStyle(td, "::before").content.replace(/^"|"$|^none$/g, ""));

/** list: the region's name, or the region itself. */
export async function expectCardsOnPhoneTableOnDesktop(page: Page, list: string | Locator, fields: string[]) {
  const region = typeof list === "string" ? page.getByRole("region", { name: list, exact: true }) : list;
  const table = region.getByRole("table");
  await noSidewaysScrollAt375(page);
  expect(await table.evaluate((t) => getComputedStyle(t).display), `${list} as cards`).toBe("block");
  const card = region.getByRole("row").nth(1);
  await card.scrollIntoViewIfNeeded();
  for (const field of fields) {
    const cell = card.locator(`td[data-label="${field}"]`);
    await expect(cell, `card field "${field}" of ${list}`).toBeVisible();
    expect(await cardLabel(cell)).toBe(field);
    expect((await cell.innerText()).trim(), `"${field}" has a value`).not.toBe("");
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width, `"${field}" inside the screen`).toBeLessThanOrEqual(375);
  }

  await page.setViewportSize({ width: 1280, height: 800 });
  expect(await table.evaluate((t) => getComputedStyle(t).display), `${list} as a table`).toBe("table");
  for (const field of fields) {
    await expect(region.getByRole("columnheader", { name: field, exact: true })).toBeVisible();
    expect(await cardLabel(region.locator(`td[data-label="${field}"]`).first())).toBe("");
  }
}

/** A score scale is one row (every point at the same height) with its end labels under its first and last point. */
export async function expectScaleOnOneRow(points: Locator, ends: Locator) {
  const boxes = await Promise.all((await points.all()).map(async (p) => (await p.boundingBox())!));
  expect(boxes.length).toBeGreaterThan(1);
  expect(new Set(boxes.map((b) => Math.round(b.y))).size, "points on one row").toBe(1);
  for (const b of boxes) expect(b.width, "point at least 24 px wide").toBeGreaterThanOrEqual(24);
  const [low, high] = [(await ends.first().boundingBox())!, (await ends.last().boundingBox())!];
  const [first, last] = [boxes[0], boxes[boxes.length - 1]];
  expect(Math.abs(low.x - first.x), "low label under the first point").toBeLessThan(2);
  expect(Math.abs(high.x + high.width - (last.x + last.width)), "high label under the last point").toBeLessThan(2);
}
