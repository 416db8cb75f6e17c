// Settings → Units (docs/hierarchy.md): an admin imports a hierarchy from CSV, sees a bad file refused row by row
// with nothing saved, adds a unit below a store, moves a store to another region and archives a team; an agent reads
// the tree without any editing control. The units stay for the specs after this one (no other page reads them yet).
import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers/sign-in";
import { shots } from "./helpers/screens";

const SHOTS = "tmp/screenshots/units";
const file = (text: string) => ({ name: "units.csv", mimeType: "text/csv", buffer: Buffer.from(text) });

test("an admin builds the hierarchy from a CSV and edits it", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, "admin");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Units", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Units", level: 1 })).toBeVisible();
  const tree = page.getByRole("list", { name: "Units" });

  // A bad file: each bad row is named and nothing is saved.
  const importForm = page.getByRole("form", { name: "Import units" });
  await importForm
    .getByLabel("CSV file")
    .setInputFiles(file("code,name,parentCode\nE2E-N,North,\nE2E-S1,Store,NOWHERE\n"));
  await importForm.getByRole("button", { name: "Import" }).click();
  await expect(importForm.getByRole("alert")).toContainText("rows[3].parentCode: No unit with this code");
  await expect(page.getByText("E2E-N", { exact: true })).toHaveCount(0);

  await importForm
    .getByLabel("CSV file")
    .setInputFiles(
      file(
        [
          "code,name,kind,parentCode",
          "E2E-N,North,region,",
          "E2E-S,South,region,",
          "E2E-N1,Store 11 · Leeds,store,E2E-N",
          "E2E-N2,Store 12 · York,store,E2E-N",
          "E2E-S1,Store 21 · Bristol,store,E2E-S",
          "E2E-N1-T,Checkout team,team,E2E-N1",
        ].join("\n"),
      ),
    );
  await importForm.getByRole("button", { name: "Import" }).click();
  await expect(importForm.getByRole("status")).toContainText("6 created");
  await expect(tree.getByText("Store 12 · York", { exact: true }).first()).toBeVisible();

  // Add a unit below Store 11.
  await tree.getByRole("button", { name: "Edit Store 11 · Leeds" }).click();
  const addBelow = tree.getByRole("form", { name: "Add a unit below" });
  await addBelow.getByLabel("Name").fill("Service desk");
  await addBelow.getByLabel("Code").fill("E2E-N1-D");
  await addBelow.getByLabel("Kind").fill("team");
  await addBelow.getByRole("button", { name: "Add child unit" }).click();
  await expect(tree.getByText("Service desk", { exact: true }).first()).toBeVisible();

  // Move Store 12 to the South region: only one unit is open at a time.
  await tree.getByRole("button", { name: "Edit Store 12 · York" }).click();
  await expect(tree.getByRole("form", { name: "Add a unit below" })).toHaveCount(1);
  const move = tree.getByRole("form", { name: "Move Store 12 · York" });
  await move.getByLabel("Move under").selectOption({ label: "South (E2E-S)" });
  await move.getByRole("button", { name: "Move" }).click();
  await expect(move.getByRole("status")).toHaveText("Moved.");

  // Archive the checkout team.
  await tree.getByRole("button", { name: "Edit Checkout team" }).click();
  await tree
    .getByRole("form", { name: "Archive Checkout team" })
    .getByRole("button", { name: "Archive with its units" })
    .click();
  await expect(tree.getByRole("form", { name: "Restore Checkout team" })).toBeVisible();
  await expect(tree.getByText("archived", { exact: true })).toHaveCount(1);

  await page.reload();
  await expect(tree.getByText("Store 12 · York", { exact: true }).first()).toBeVisible();
  await shots(page, SHOTS, "admin");

  // The export names parents by code.
  const download = await page.request.get("/api/v1/units/export");
  expect(await download.text()).toContain("E2E-N2,Store 12 · York,store,E2E-S,false");
});

test("an agent reads the tree without editing controls", async ({ page }) => {
  await signInAs(page, "agent");
  await page.goto("/settings/units");
  await expect(
    page.getByRole("list", { name: "Units" }).getByText("Store 21 · Bristol", { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Import units" })).toHaveCount(0);
  await shots(page, SHOTS, "agent");
});
