// The journey editor as a user builds a journey: add, rename, reorder and archive stages; add, edit and move
// touchpoints with their promise (text, targets, SERVQUAL dimension); validation next to the fields, from the
// shared schema before any request and from the server after it. `fetch` is a fake of the journey REST API
// (tests/components/fake-api.ts) that keeps one journey in memory, checks bodies with the same zod schemas
// as the real routes and answers like them; the routes themselves are covered by the integration tests.
import { screen, waitFor, within } from "@testing-library/react";
import { render } from "@/tests/components/intl";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { EditorJourney, EditorStage, EditorTouchpoint } from "@/lib/journeys/editor";
import {
  stageCreateSchema,
  stageOrderSchema,
  stageUpdateSchema,
  touchpointCreateSchema,
  touchpointUpdateSchema,
} from "@/lib/journeys/editor-schema";
import { fakeApi, problem } from "@/tests/components/fake-api";
import { value } from "@/tests/components/dom";
import { JourneyEditor } from "./journey-editor";

const channels = [
  { id: "ch-email", name: "Email" },
  { id: "ch-phone", name: "Phone" },
];

function stage(id: string, name: string, touchpoints: EditorTouchpoint[] = []): EditorStage {
  return {
    id,
    journeyId: "j1",
    name,
    position: 0,
    description: null,
    archivedAt: null,
    blueprint: { customerAction: null, frontstage: null, backstage: null, supportSystems: null },
    touchpoints,
  };
}

function touchpoint(
  id: string,
  stageId: string,
  name: string,
  patch: Partial<EditorTouchpoint> = {},
): EditorTouchpoint {
  return {
    id,
    journeyId: "j1",
    stageId,
    name,
    description: null,
    kind: "digital",
    position: 0,
    channel: null,
    promise: null,
    targets: { csat: null, ces: null, nps: null },
    servqualDimension: null,
    unitId: null,
    archivedAt: null,
    ...patch,
  };
}

type Schema = {
  safeParse: (v: unknown) => {
    success: boolean;
    data?: unknown;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
};

/** The journey API over one in-memory journey. */
function journeyApi(initial: EditorJourney) {
  const api = fakeApi();
  let journey: EditorJourney = structuredClone(initial);
  let ids = 0;
  const parse = <T,>(schema: Schema, body: unknown): T | ReturnType<typeof problem> => {
    const r = schema.safeParse(body);
    if (r.success) return r.data as T;
    return problem(
      400,
      "The request has invalid fields.",
      Object.fromEntries(r.error!.issues.map((i) => [i.path.join(".") || "body", i.message])),
    );
  };
  const invalid = (x: unknown): x is ReturnType<typeof problem> => typeof x === "object" && x !== null && "status" in x;
  const allTouchpoints = () => journey.stages.flatMap((s) => s.touchpoints);
  const findStage = (id: string) => journey.stages.find((s) => s.id === id);

  api.on("GET", /^\/api\/v1\/journeys\/j1\?includeArchived=true$/, () => ({
    json: {
      ...journey,
      stages: [...journey.stages.filter((s) => !s.archivedAt), ...journey.stages.filter((s) => s.archivedAt)],
    },
  }));
  api.on("POST", /^\/api\/v1\/journeys\/j1\/stages$/, (req) => {
    const input = parse<{ name: string }>(stageCreateSchema, req.body);
    if (invalid(input)) return input;
    const s = stage(`s-new-${++ids}`, input.name);
    journey = { ...journey, stages: [...journey.stages, s] };
    return { status: 201, json: s };
  });
  api.on("PATCH", /^\/api\/v1\/stages\/([\w-]+)$/, (req, [, id]) => {
    const input = parse<{ name?: string; archived?: boolean }>(stageUpdateSchema, req.body);
    if (invalid(input)) return input;
    const s = findStage(id);
    if (!s) return problem(404, "Stage not found");
    if (input.name !== undefined) s.name = input.name;
    if (input.archived !== undefined) s.archivedAt = input.archived ? new Date("2026-12-04T12:00:00Z") : null;
    // A restored stage goes to the end of the journey.
    if (input.archived === false) journey = { ...journey, stages: [...journey.stages.filter((x) => x !== s), s] };
    return { json: s };
  });
  api.on("PUT", /^\/api\/v1\/journeys\/j1\/stages\/order$/, (req) => {
    const input = parse<{ stageIds: string[] }>(stageOrderSchema, req.body);
    if (invalid(input)) return input;
    journey = {
      ...journey,
      stages: [...input.stageIds.map((id) => findStage(id)!), ...journey.stages.filter((s) => s.archivedAt)],
    };
    return { json: journey.stages };
  });
  type TouchpointInput = {
    stageId?: string;
    name?: string;
    kind?: string;
    channelId?: string | null;
    promise?: string | null;
    targetCsat?: number | null;
    targetCes?: number | null;
    targetNps?: number | null;
    servqualDimension?: string | null;
    position?: number;
    archived?: boolean;
  };
  const channelOf = (id: string | null) => {
    const c = channels.find((x) => x.id === id);
    return c ? { ...c, key: c.id } : null;
  };
  const apply = (t: EditorTouchpoint, input: TouchpointInput): EditorTouchpoint => ({
    ...t,
    name: input.name ?? t.name,
    kind: input.kind ?? t.kind,
    channel: input.channelId === undefined ? t.channel : channelOf(input.channelId),
    promise: input.promise === undefined ? t.promise : input.promise,
    targets: {
      csat: input.targetCsat === undefined ? t.targets.csat : input.targetCsat,
      ces: input.targetCes === undefined ? t.targets.ces : input.targetCes,
      nps: input.targetNps === undefined ? t.targets.nps : input.targetNps,
    },
    servqualDimension: input.servqualDimension === undefined ? t.servqualDimension : input.servqualDimension,
    archivedAt: input.archived === undefined ? t.archivedAt : input.archived ? new Date("2026-12-04T12:00:00Z") : null,
  });
  api.on("POST", /^\/api\/v1\/touchpoints$/, (req) => {
    const input = parse<TouchpointInput & { stageId: string }>(touchpointCreateSchema, req.body);
    if (invalid(input)) return input;
    const s = findStage(input.stageId)!;
    const t = apply(touchpoint(`tp-new-${++ids}`, s.id, ""), input);
    s.touchpoints = [...s.touchpoints, t];
    return { status: 201, json: t };
  });
  api.on("PATCH", /^\/api\/v1\/touchpoints\/([\w-]+)$/, (req, [, id]) => {
    const input = parse<TouchpointInput>(touchpointUpdateSchema, req.body);
    if (invalid(input)) return input;
    const s = journey.stages.find((x) => x.touchpoints.some((t) => t.id === id))!;
    const t = apply(
      s.touchpoints.find((x) => x.id === id)!,
      input,
    );
    const rest = s.touchpoints.filter((x) => x.id !== id);
    const at = input.position ?? s.touchpoints.findIndex((x) => x.id === id);
    s.touchpoints = [...rest.slice(0, at), t, ...rest.slice(at)];
    return { json: t };
  });
  return { ...api, journey: () => journey, allTouchpoints };
}

const initial = (): EditorJourney => ({
  id: "j1",
  name: "Onboarding",
  description: null,
  archivedAt: null,
  stages: [
    stage("s1", "Discover", [touchpoint("tp1", "s1", "Website"), touchpoint("tp2", "s1", "Ad")]),
    stage("s2", "Sign up"),
    stage("s3", "First value"),
  ],
});

const status = () => screen.getByTestId("editor-status");
const stageNames = () =>
  screen.getAllByTestId("stage-column").map((li) => within(li).getAllByRole("heading")[0].textContent);
const column = (name: string) => screen.getByRole("listitem", { name: new RegExp(`^Stage \\d of \\d+: ${name}$`) });

function renderEditor(journey = initial(), locale: "en" | "de" = "en") {
  const api = journeyApi(journey);
  render(<JourneyEditor initial={journey} channels={channels} />, { locale });
  return api;
}

describe("JourneyEditor", () => {
  it("adds a stage, and names an empty name next to the field", async () => {
    const api = renderEditor();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Add stage" }));
    const field = screen.getByLabelText("New stage");
    await waitFor(() => expect(field.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText("Stage name is required")).toBeTruthy();

    await user.type(field, "  Renew ");
    await user.click(screen.getByRole("button", { name: "Add stage" }));
    await waitFor(() => expect(status().textContent).toBe("Added the stage “Renew”."));
    expect(stageNames()).toEqual(["Discover", "Sign up", "First value", "Renew"]);
    expect(value(field)).toBe("");
    expect(field.getAttribute("aria-invalid")).toBeNull();
    expect(api.sent("POST", /stages$/).map((r) => r.body)).toEqual([{ name: "" }, { name: "  Renew " }]);
  });

  it("renames a stage inline; Escape cancels", async () => {
    renderEditor();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Rename stage Sign up" }));
    const field = within(column("Sign up")).getByLabelText("Stage name");
    await user.clear(field);
    await user.type(field, "Register{Enter}");
    await waitFor(() => expect(status().textContent).toBe("Renamed the stage to “Register”."));
    expect(stageNames()).toEqual(["Discover", "Register", "First value"]);

    await user.click(screen.getByRole("button", { name: "Rename stage Register" }));
    await user.type(within(column("Register")).getByLabelText("Stage name"), "xyz{Escape}");
    expect(within(column("Register")).queryByLabelText("Stage name")).toBeNull();
    expect(stageNames()).toEqual(["Discover", "Register", "First value"]);
  });

  it("reorders stages with the move buttons and stores the whole order", async () => {
    const api = renderEditor();
    const user = userEvent.setup();
    expect((screen.getByRole("button", { name: "Move Discover left (earlier)" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect((screen.getByRole("button", { name: "Move First value right (later)" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    await user.click(screen.getByRole("button", { name: "Move First value left (earlier)" }));
    await waitFor(() => expect(status().textContent).toBe("Moved “First value” to position 2 of 3."));
    expect(stageNames()).toEqual(["Discover", "First value", "Sign up"]);
    expect(api.sent("PUT", /order$/).map((r) => r.body)).toEqual([{ stageIds: ["s1", "s3", "s2"] }]);
    expect(column("First value").getAttribute("aria-label")).toBe("Stage 2 of 3: First value");
  });

  it("archives a stage after asking, and restores it from the archived list", async () => {
    renderEditor();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Archive stage Sign up" }));
    await user.click(within(column("Sign up")).getByRole("button", { name: "Archive" }));
    await waitFor(() => expect(stageNames()).toEqual(["Discover", "First value"]));
    await user.click(screen.getByLabelText("Show archived"));
    const archived = screen.getByRole("region", { name: "Archived stages" });
    await user.click(within(archived).getByRole("button", { name: "Restore stage Sign up" }));
    await waitFor(() => expect(stageNames()).toEqual(["Discover", "First value", "Sign up"]));
  });

  it("adds a touchpoint with its promise; an out-of-scale target is refused before any request", async () => {
    const api = renderEditor();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Add touchpoint to Sign up" }));
    const dialog = screen.getByRole("dialog", { name: "Add a touchpoint" });
    await user.type(within(dialog).getByLabelText("Name"), "Welcome email");
    await user.selectOptions(within(dialog).getByLabelText("Channel"), "ch-email");
    await user.type(within(dialog).getByLabelText("Promise"), "In your inbox within a minute");
    await user.type(within(dialog).getByLabelText("CSAT (1–5)"), "6");
    await user.type(within(dialog).getByLabelText("NPS (−100 to 100)"), "30");
    await user.selectOptions(within(dialog).getByLabelText("SERVQUAL dimension"), "responsiveness");
    await user.click(within(dialog).getByRole("button", { name: "Add touchpoint" }));

    const csat = within(dialog).getByLabelText("CSAT (1–5)");
    expect(csat.getAttribute("aria-invalid")).toBe("true");
    expect(within(dialog).getByText("Target CSAT must be between 1 and 5")).toBeTruthy();
    expect(within(dialog).getByRole("alert").textContent).toBe("Check the highlighted fields.");
    expect(api.sent("POST", /touchpoints$/)).toHaveLength(0);

    await user.clear(csat);
    await user.type(csat, "4.5");
    await user.click(within(dialog).getByRole("button", { name: "Add touchpoint" }));
    await waitFor(() => expect(status().textContent).toBe("Added “Welcome email”."));
    expect(api.sent("POST", /touchpoints$/).map((r) => r.body)).toEqual([
      {
        stageId: "s2",
        name: "Welcome email",
        kind: "digital",
        channelId: "ch-email",
        promise: "In your inbox within a minute",
        targetCsat: 4.5,
        targetCes: null,
        targetNps: 30,
        servqualDimension: "responsiveness",
      },
    ]);
    const item = within(column("Sign up")).getByRole("listitem", { name: "Welcome email" });
    expect(within(item).getByText("“In your inbox within a minute”")).toBeTruthy();
    expect(within(item).getByText("Targets: CSAT 4.5 · NPS 30")).toBeTruthy();
    expect(within(item).getByText("Email")).toBeTruthy();
  });

  it("in German: the dialog, the browser's check of a target and the kinds and dimensions in German", async () => {
    const api = renderEditor(initial(), "de");
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Neuer Berührungspunkt in Sign up" }));
    const dialog = screen.getByRole("dialog", { name: "Berührungspunkt hinzufügen" });
    await user.type(within(dialog).getByLabelText("Name"), "Willkommensmail");
    await user.selectOptions(within(dialog).getByLabelText("Art"), "human");
    await user.type(within(dialog).getByLabelText("CSAT (1–5)"), "6");
    await user.type(within(dialog).getByLabelText("NPS (−100 bis 100)"), "-130");
    await user.selectOptions(within(dialog).getByLabelText("SERVQUAL-Dimension"), "Zuverlässigkeit");
    await user.click(within(dialog).getByRole("button", { name: "Berührungspunkt hinzufügen" }));

    // the schema's rule, named by the issue's code in German (lib/i18n/field-issue.ts): 6 > 5, −130 < −100
    expect(within(dialog).getByText("Geben Sie 5 oder weniger ein")).toBeTruthy();
    expect(within(dialog).getByText(/^Geben Sie .100 oder mehr ein$/)).toBeTruthy();
    expect(within(dialog).getByRole("alert").textContent).toBe("Prüfen Sie die markierten Felder.");
    expect(api.sent("POST", /touchpoints$/)).toHaveLength(0);

    const csat = within(dialog).getByLabelText("CSAT (1–5)");
    await user.clear(csat);
    await user.type(csat, "4.5");
    const nps = within(dialog).getByLabelText("NPS (−100 bis 100)");
    await user.clear(nps);
    await user.click(within(dialog).getByRole("button", { name: "Berührungspunkt hinzufügen" }));
    await waitFor(() => expect(status().textContent).toBe("„Willkommensmail“ hinzugefügt."));
    const phase = screen.getByRole("listitem", { name: /^Phase \d von \d+: Sign up$/ });
    const item = within(phase).getByRole("listitem", { name: "Willkommensmail" });
    expect(within(item).getByText("Persönlich")).toBeTruthy();
    expect(within(item).getByText("Zuverlässigkeit")).toBeTruthy();
    expect(within(item).getByText("Ziele: CSAT 4,5")).toBeTruthy();
  });

  it("edits a touchpoint from its stored promise and shows the server's field errors", async () => {
    const journey = initial();
    journey.stages[0].touchpoints[0] = touchpoint("tp1", "s1", "Website", {
      promise: "Answers in one click",
      targets: { csat: 4, ces: null, nps: null },
    });
    const api = renderEditor(journey);
    api.on("PATCH", /^\/api\/v1\/touchpoints\/tp1$/, () =>
      problem(400, "The request has invalid fields.", { channelId: "This channel is archived" }),
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Edit touchpoint Website" }));
    const dialog = screen.getByRole("dialog", { name: "Edit touchpoint “Website”" });
    expect(value(within(dialog).getByLabelText("Promise"))).toBe("Answers in one click");
    expect(value(within(dialog).getByLabelText("CSAT (1–5)"))).toBe("4");
    expect(value(within(dialog).getByLabelText("Stage"))).toBe("s1");
    await user.selectOptions(within(dialog).getByLabelText("Channel"), "ch-phone");
    await user.click(within(dialog).getByRole("button", { name: "Save touchpoint" }));

    await waitFor(() => expect(within(dialog).getByText("This channel is archived")).toBeTruthy());
    expect(within(dialog).getByLabelText("Channel").getAttribute("aria-invalid")).toBe("true");
    expect(within(dialog).getByRole("alert").textContent).toBe("The request has invalid fields.");
    expect(api.sent("PATCH", /touchpoints\/tp1$/)[0].body).toMatchObject({
      stageId: "s1",
      channelId: "ch-phone",
      targetCsat: 4,
    });
  });

  it("moves a touchpoint down within its stage", async () => {
    const api = renderEditor();
    const user = userEvent.setup();
    const list = () => within(screen.getByRole("list", { name: "Touchpoints of Discover" }));
    expect((list().getByRole("button", { name: "Move Website up" }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(list().getByRole("button", { name: "Move Website down" }));
    await waitFor(() => expect(status().textContent).toBe("Moved “Website” down."));
    expect(
      list()
        .getAllByRole("listitem")
        .map((li) => li.getAttribute("aria-label")),
    ).toEqual(["Ad", "Website"]);
    expect(api.sent("PATCH", /touchpoints\/tp1$/).map((r) => r.body)).toEqual([{ position: 1 }]);
  });
});
