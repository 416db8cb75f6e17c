import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { NotFoundError, ValidationError } from "../errors";
import { toProblem } from "./to-problem";
import { invalidParamsFromZod } from "./zod-errors";

describe("toProblem", () => {
  it("answers an unexpected error with a generic 500 that reveals nothing internal", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = toProblem(new Error("connect ECONNREFUSED 10.1.2.3:5432 password=hunter2"), "req-1", "/api/v1/x");
    const body = await res.json();
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("x-request-id")).toBe("req-1");
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|hunter2|10\.1\.2\.3/);
    expect(body).toMatchObject({ status: 500, requestId: "req-1", title: "Internal server error" });
    expect(log.mock.calls[0][0]).toContain("req-1"); // but the log has what an operator needs
    log.mockRestore();
  });

  it("keeps a deliberate error's status, message and invalid params", async () => {
    const notFound = await toProblem(new NotFoundError("Customer"), "r", "/p").json();
    expect(notFound).toMatchObject({ status: 404, detail: "Customer not found." });
    const invalid = await toProblem(new ValidationError([{ name: "email", reason: "bad" }]), "r", "/p").json();
    expect(invalid.invalid_params).toEqual([{ name: "email", reason: "bad" }]);
  });

  it("maps database unique clashes to 409 and missing rows to 404", () => {
    expect(toProblem(Object.assign(new Error("x"), { code: "P2002" }), "r", "/p").status).toBe(409);
    expect(toProblem(Object.assign(new Error("x"), { code: "P2025" }), "r", "/p").status).toBe(404);
  });
});

describe("invalidParamsFromZod", () => {
  it("names each bad field by its path", () => {
    const schema = z.object({ name: z.string().min(1), stages: z.array(z.object({ name: z.string().min(1) })) });
    const result = schema.safeParse({ name: "", stages: [{ name: "ok" }, { name: "" }] });
    expect(result.success).toBe(false);
    const params = invalidParamsFromZod(result.error!, "body");
    expect(params.map((p) => p.name)).toEqual(["name", "stages.1.name"]);
    expect(params.every((p) => p.in === "body" && p.reason.length > 0)).toBe(true);
  });
});
