// The interaction form's state: the required customer, the reset after a save that keeps the customer, a
// failed save that stays in "Just logged" with Retry, and entries kept in localStorage across a reload.
// `fetch` is a fake of POST /api/v1/interactions (tests/components/fake-api.ts); the real route is covered
// by the integration tests and tests/e2e/log-interaction.spec.ts.
import { StrictMode } from "react";
import { screen, waitFor, within } from "@testing-library/react";
import { render } from "@/tests/components/intl";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeApi, problem } from "@/tests/components/fake-api";
import { checked, value } from "@/tests/components/dom";
import type { LoggingOptions } from "@/lib/interactions/logging";
import type { Pending } from "./pending-interactions";

const KEY = "resonance:pending-interactions";
const options: LoggingOptions = {
  touchpoints: [
    { id: "tp-call", name: "Support call", group: "Support — Help", channelId: "ch-phone", uses: 3 },
    { id: "tp-shop", name: "Shop visit", group: "Buy — Visit", channelId: null, uses: 0 },
  ],
  mostUsed: ["tp-call"],
  channels: [
    { id: "ch-phone", key: "phone", name: "Phone" },
    { id: "ch-mail", key: "email", name: "E-mail" },
  ] as LoggingOptions["channels"],
};
const ada = { id: "cust-ada", name: "Ada Lovelace" };

// The not-yet-saved list lives in the module (one per browser tab): every test loads a fresh copy, as a
// page load would.
async function load() {
  vi.resetModules();
  return (await import("./log-interaction-form")).LogInteractionForm;
}

function interactionsApi(
  answer: () => ReturnType<typeof problem> | "network-error" | { status: number; json: unknown },
) {
  const api = fakeApi();
  api.on("POST", /^\/api\/v1\/interactions$/, answer);
  return api;
}

const form = () => screen.getByRole("form", { name: "Log an interaction" });
const justLogged = () => screen.getByRole("region", { name: "Just logged" });
const stored = () => JSON.parse(localStorage.getItem(KEY) ?? "[]") as Pending[];

describe("LogInteractionForm", () => {
  beforeEach(() => localStorage.clear());

  it("asks for a customer before anything is sent", async () => {
    const api = interactionsApi(() => ({ status: 201, json: {} }));
    const Form = await load();
    const user = userEvent.setup();
    render(<Form options={options} />);
    await user.click(screen.getByRole("button", { name: "Log interaction" }));
    const box = screen.getByRole("combobox", { name: "Customer" });
    expect(box.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Choose a customer (type two letters of their name).")).toBeTruthy();
    expect(api.requests).toHaveLength(0);
    expect(within(justLogged()).queryByRole("listitem")).toBeNull();
  });

  it("sends the entry, shows it as saved, and resets the details but keeps the customer", async () => {
    const api = interactionsApi(() => ({ status: 201, json: { id: "int-1" } }));
    const Form = await load();
    const user = userEvent.setup();
    render(<Form options={options} initialCustomer={ada} />);

    await user.selectOptions(
      screen.getByLabelText("Touchpoint"),
      screen.getAllByRole("option", { name: "Support call" })[0],
    );
    expect(value(screen.getByLabelText("Channel"))).toBe("ch-phone"); // defaulted from the touchpoint
    await user.click(screen.getByLabelText("Follow-up"));
    await user.click(screen.getByLabelText("Unhappy"));
    await user.type(screen.getByLabelText("Note (optional)"), "  Asked about roaming  ");
    await user.keyboard("{Control>}{Enter}{/Control}");

    await waitFor(() => expect(within(justLogged()).getByText("Saved")).toBeTruthy());
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0].body).toMatchObject({
      customerId: "cust-ada",
      touchpointId: "tp-call",
      channelId: "ch-phone",
      outcome: "follow_up",
      emotion: -1,
      note: "Asked about roaming",
    });
    expect(within(justLogged()).getByText("Support call · Follow-up")).toBeTruthy();
    // The result is also said beside the button, where a phone user is looking (the list is below the form).
    expect(within(form()).getByRole("status").textContent).toBe(
      "Saved: Support call · Follow-up for Ada Lovelace. Ready for the next one.",
    );

    // Ready for the next one: same customer, fresh details.
    expect(within(form()).getByRole("link", { name: "Ada Lovelace" }).getAttribute("href")).toBe("/customers/cust-ada");
    expect(value(screen.getByLabelText("Touchpoint"))).toBe("");
    expect(value(screen.getByLabelText("Channel"))).toBe("");
    expect(checked(screen.getByLabelText("Resolved"))).toBe(true);
    expect(checked(screen.getByLabelText("Unhappy"))).toBe(false);
    expect(value(screen.getByLabelText("Note (optional)"))).toBe("");
    // A saved entry is not kept for a reload.
    expect(stored()).toEqual([]);
  });

  it("keeps a failed entry with Retry, and a retry sends the same clientId", async () => {
    let online = false;
    const api = interactionsApi(() => (online ? { status: 201, json: { id: "int-1" } } : "network-error"));
    const Form = await load();
    const user = userEvent.setup();
    render(<Form options={options} initialCustomer={ada} />);
    await user.type(screen.getByLabelText("Note (optional)"), "Retry me");
    await user.click(screen.getByRole("button", { name: "Log interaction" }));

    await waitFor(() => expect(within(justLogged()).getByText(/^Not saved: the connection failed/)).toBeTruthy());
    expect(stored()).toMatchObject([{ status: "failed", body: { note: "Retry me", customerId: "cust-ada" } }]);
    expect(within(form()).getByRole("status").textContent).toMatch(
      /^Not saved: kept under “Just logged” to retry\. the connection failed/,
    );

    online = true;
    await user.click(within(justLogged()).getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(within(justLogged()).getByText("Saved")).toBeTruthy());
    expect(within(justLogged()).queryByRole("button", { name: "Retry" })).toBeNull();
    const [first, retry] = api.sent("POST", /interactions/).map((r) => r.body as { clientId: string });
    expect(retry.clientId).toBe(first.clientId);
    expect(stored()).toEqual([]);
  });

  it("words a refusal in German for a German page: the service's reason by the table, the field as the API names it", async () => {
    interactionsApi(() => problem(400, "Validation failed", { channelId: "This channel is archived" }));
    const Form = await load();
    const user = userEvent.setup();
    render(<Form options={options} initialCustomer={ada} />, { locale: "de" });
    await user.click(screen.getByRole("button", { name: "Interaktion erfassen" }));
    const list = screen.getByRole("region", { name: "Gerade erfasst" });
    await waitFor(() =>
      expect(within(list).getByText("Nicht gespeichert: channelId: Dieser Kanal ist archiviert")).toBeTruthy(),
    );
    expect(screen.getByTestId("last-saved").textContent).toMatch(/Dieser Kanal ist archiviert$/);
    // stored as data, not as an English sentence: a reload in English words it in English
    expect(stored()).toMatchObject([{ status: "failed", failure: { kind: "refused", status: 400 } }]);
    expect(stored()[0]).not.toHaveProperty("message");
  });

  it("shows the API's reason when the save is refused, and Discard removes the entry", async () => {
    interactionsApi(() => problem(400, "Validation failed", { touchpointId: "This touchpoint is archived" }));
    const Form = await load();
    const user = userEvent.setup();
    render(<Form options={options} initialCustomer={ada} />);
    await user.click(screen.getByRole("button", { name: "Log interaction" }));
    await waitFor(() =>
      expect(within(justLogged()).getByText("Not saved: touchpointId: This touchpoint is archived")).toBeTruthy(),
    );
    await user.click(within(justLogged()).getByRole("button", { name: "Discard" }));
    expect(within(justLogged()).queryByRole("listitem")).toBeNull();
    expect(stored()).toEqual([]);
  });

  // The regression fixed in 27d4761: the list used to be component state, loaded in one effect and saved in
  // another, so the first render's empty list was written over what localStorage held (React's development
  // mode, which runs effects twice, then read back the emptied storage and lost the entries for good).
  it("keeps the entries stored before the page loaded, from the very first render on", async () => {
    const kept: Pending = {
      clientId: "11111111-1111-4111-8111-111111111111",
      customer: ada,
      summary: "Support call · Resolved",
      status: "saving",
      at: "2026-12-04T10:00:00.000Z",
      body: { customerId: "cust-ada", outcome: "resolved", clientId: "11111111-1111-4111-8111-111111111111" },
    };
    localStorage.setItem(KEY, JSON.stringify([kept]));
    const writes: string[] = [];
    const setItem = Storage.prototype.setItem;
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(function (this: Storage, k: string, v: string) {
      if (k === KEY) writes.push(v);
      return setItem.call(this, k, v);
    });
    const api = interactionsApi(() => ({ status: 201, json: {} }));
    const Form = await load();
    render(
      <StrictMode>
        <Form options={options} />
      </StrictMode>,
    );

    const entry = within(justLogged()).getByRole("listitem");
    expect(within(entry).getByRole("link", { name: "Ada Lovelace" })).toBeTruthy();
    // Mid-save when the page went away: offered for a retry, not resent behind the user's back.
    expect(within(entry).getByText(/Not confirmed before the page closed/)).toBeTruthy();
    expect(within(entry).getByRole("button", { name: "Retry" })).toBeTruthy();
    expect(stored()).toMatchObject([{ clientId: kept.clientId }]);
    expect(writes.filter((w) => !w.includes(kept.clientId))).toEqual([]);
    expect(api.requests).toHaveLength(0);
    vi.restoreAllMocks();
  });
});
