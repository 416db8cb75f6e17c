// Passwords and sign-in throttling in the browser: a weak password is refused next to the field of the
// invite form (then a good one creates the account), and a guessed sign-in shows how long to wait, counts
// down, and lets the right password in afterwards. Screenshots at 1280 and 375 px into tmp/screens/.
import { expect, test } from "./helpers/test";
import { DEMO_PASSWORD, signInAs } from "./helpers/sign-in";

test("the invite form refuses an easy password next to the field, then accepts a good one", async ({
  page,
  browser,
}) => {
  await signInAs(page, "admin");
  await page.goto("/settings");
  const email = `willow.park.${Date.now()}@example.test`;
  await page.locator("#invite-email").fill(email);
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.locator("#invite-link").inputValue();

  const visitor = await browser.newContext();
  const invitee = await visitor.newPage();
  await invitee.goto(link);
  await invitee.getByLabel("Your name").fill("Willow Park");
  const password = invitee.getByLabel("Choose a password");
  await password.fill("aaaaaaaaaaaa");
  await invitee.getByRole("button", { name: "Create account", exact: true }).click();
  await expect(
    invitee.getByText(
      'Too easy to guess: add another word or two that are not about you or your organization. Repeated characters like "aaa" are easy to guess.',
    ),
  ).toBeVisible();
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await invitee.screenshot({ path: "tmp/screens/invite-weak-password-1280.png", fullPage: true });
  await invitee.setViewportSize({ width: 375, height: 800 });
  await invitee.screenshot({ path: "tmp/screens/invite-weak-password-375.png", fullPage: true });

  await password.fill("WillowPark2026");
  await invitee.getByRole("button", { name: "Create account", exact: true }).click();
  await expect(invitee.getByText(/^Too easy to guess/)).toBeVisible(); // her own name
  await password.fill("lantern velvet orbit 42");
  await invitee.getByRole("button", { name: "Create account", exact: true }).click();
  // The same next step whether or not the address had an account (docs/identity/account-lifecycle.md).
  await expect(invitee.getByText("Now sign in with")).toBeVisible();
  await invitee.getByLabel("Password", { exact: true }).fill("lantern velvet orbit 42");
  await invitee.getByRole("button", { name: /sign in/i }).click();
  await invitee.getByRole("button", { name: /^Join / }).click();
  await expect(invitee).toHaveURL(/\/$/);
  await visitor.close();
});

test("repeated wrong passwords show when to try again; after the wait the right password gets in", async ({
  browser,
}) => {
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${Date.now() % 200}` },
  });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("agent2@demo.resonance.test");
  const signIn = page.getByRole("button", { name: "Sign in" });
  const wait = page.getByText(/^Too many failed sign-in attempts\. Try again in (\d+) seconds?\./);
  let seconds = 0;
  for (let i = 0; i < 12 && seconds < 2; i++) {
    await page.getByLabel("Password").fill(`wrong guess ${i}`);
    await signIn.click();
    await expect(page.getByText(/wrong e-mail or password/i).or(wait)).toBeVisible();
    if (await wait.isVisible()) seconds = Number(/in (\d+) second/.exec((await wait.textContent()) ?? "")?.[1] ?? 0);
  }
  expect(seconds).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole("button", { name: /^Wait \d+ s$/ })).toBeDisabled();
  await page.screenshot({ path: "tmp/screens/sign-in-wait-1280.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "tmp/screens/sign-in-wait-375.png", fullPage: true });

  await expect(signIn).toBeEnabled({ timeout: 65_000 });
  await expect(page.getByText("You can try again now.")).toBeVisible();
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await signIn.click();
  await expect(page).toHaveURL(/\/$/);
  await context.close();
});
