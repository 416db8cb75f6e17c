// An admin connects an identity provider: a missing token name is reported next to the field, the token is shown
// once with the SCIM base URL, the "IdP" (this test, over HTTP with that token) provisions a person and a group,
// the admin maps the group to a role, and a de-provisioned person shows as suspended in the member list.
// Screenshots at 1280 and 375 px go to tmp/screens/.
import { expect, test, type Page } from "./helpers/test";
import { signInAs } from "./helpers/sign-in";

const SHOTS = "tmp/screens";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

async function shots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/${name}-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("an admin creates a SCIM token, maps a pushed group to a role and sees a de-provisioned member as suspended", async ({
  page,
}) => {
  await signInAs(page, "admin");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Manage SCIM provisioning" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "SCIM provisioning" })).toBeVisible();
  await page.waitForLoadState("networkidle");

  const form = page.getByRole("form", { name: "Create a SCIM token" });
  const name = form.getByLabel("Token name");
  await name.fill("   ");
  await form.getByRole("button", { name: "Create SCIM token" }).click();
  await expect(name).toHaveAccessibleDescription(/Give the token a name/);

  await name.fill("Okta");
  await form.getByRole("button", { name: "Create SCIM token" }).click();
  const secret = page.getByLabel("SCIM token “Okta”");
  await expect(secret).toHaveValue(/^scim_[A-Za-z0-9]{10}_/);
  const token = await secret.inputValue();
  await expect(page.getByText(/\/scim\/v2/).first()).toBeVisible();

  // The identity provider pushes a person and a group.
  const auth = { authorization: `Bearer ${token}`, "content-type": "application/scim+json" };
  const email = `e2e-scim-${Date.now()}@idp.example.test`;
  const user = await page.request.post("/scim/v2/Users", {
    headers: auth,
    data: {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: email,
      name: { givenName: "Sam", familyName: "Provisioned" },
    },
  });
  expect(user.status()).toBe(201);
  const userId = (await user.json()).id as string;
  const groupName = `Support desk ${Date.now()}`;
  const group = await page.request.post("/scim/v2/Groups", {
    headers: auth,
    data: {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      displayName: groupName,
      members: [{ value: userId }],
    },
  });
  expect(group.status()).toBe(201);

  await page.reload();
  const role = page.getByRole("combobox", { name: `Role of group ${groupName}` });
  await expect(role).toHaveValue("");
  await role.selectOption("agent");
  await page
    .getByRole("form", { name: `Role of group ${groupName}` })
    .getByRole("button", { name: "Save" })
    .click();
  await expect
    .poll(async () => {
      await page.reload();
      return page.getByRole("combobox", { name: `Role of group ${groupName}` }).inputValue();
    })
    .toBe("agent");
  await shots(page, "scim-settings");

  const off = await page.request.patch(`/scim/v2/Users/${userId}`, {
    headers: auth,
    data: { schemas: [PATCH_OP], Operations: [{ op: "Replace", path: "active", value: "False" }] },
  });
  expect(off.status()).toBe(200);
  await page.goto("/settings");
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row.getByText(/Suspended/)).toBeVisible();
  await expect(row.getByText("SCIM", { exact: true })).toBeVisible();
  await expect(row.getByRole("combobox", { name: "Role of Sam Provisioned" })).toHaveValue("agent");
  await row.scrollIntoViewIfNeeded();
  await row.screenshot({ path: `${SHOTS}/scim-suspended-member-1280.png` });
});
