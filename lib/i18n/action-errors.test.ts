import { describe, expect, it } from "vitest";
import { z } from "zod";
import { localizeFailure } from "./action-errors";
import { toActionFailure } from "../auth/action";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { rootCauseListSchema } from "../cases/root-causes";
import { unitCode } from "../units/schema";

const schema = z.object({
  name: z.string().trim().min(1, "Name is required").max(5),
  email: z.string().email("Not a valid e-mail address"),
  kind: z.enum(["call", "visit"]),
  score: z.coerce.number().int().max(10),
});

function failureOf(error: unknown) {
  return toActionFailure(error) as { ok: false; message: string; fieldErrors?: Record<string, string> };
}

describe("localizeFailure", () => {
  const zodError = schema.safeParse({ name: "", email: "x", kind: "mail", score: "11" }).error!;

  it("leaves English exactly as toActionFailure wrote it", () => {
    const en = failureOf(zodError);
    expect(localizeFailure(en, zodError, "en")).toBe(en);
    expect(en.fieldErrors?.name).toBe("Name is required");
  });

  it("gives German field errors by the schema's sentence (when the table has it) or the issue's code, and a German summary", () => {
    const de = localizeFailure(failureOf(zodError), zodError, "de");
    expect(de.message).toBe("Bitte korrigieren Sie die markierten Felder.");
    expect(de.fieldErrors).toEqual({
      name: "Geben Sie einen Namen ein", // "Name is required": service-reasons.ts

      email: "Keine gültige E-Mail-Adresse",
      kind: "Wählen Sie eine der Möglichkeiten",
      score: "Geben Sie 10 oder weniger ein",
    });
    const long = schema.shape.name.safeParse("abcdefgh").error!;
    expect(localizeFailure(failureOf(long), long, "de").fieldErrors).toEqual({
      form: "Geben Sie höchstens 5 Zeichen ein",
    });
  });

  it("translates the role refusal and a service's own message (service-reasons.ts); an unknown one stays as thrown", () => {
    const forbidden = new ForbiddenError();
    expect(localizeFailure(failureOf(forbidden), forbidden, "de").message).toBe(
      "Ihre Rolle erlaubt diese Aktion nicht.",
    );
    const missing = new NotFoundError("Customer");
    expect(localizeFailure(failureOf(missing), missing, "de").message).toBe("Kunde nicht gefunden.");
    const unknown = new ValidationError([{ name: "x", reason: "A reason no table knows" }], "Nor this summary.");
    expect(localizeFailure(failureOf(unknown), unknown, "de")).toEqual(failureOf(unknown));
    const taken = new ConflictError('A customer with external id "C-7" already exists.');
    expect(localizeFailure(failureOf(taken), taken, "de").message).toBe(
      "Ein Kunde mit der externen ID „C-7“ existiert bereits.",
    );
    const samePassword = new ValidationError([
      { name: "newPassword", reason: "Choose a password different from the current one." },
    ]);
    expect(localizeFailure(failureOf(samePassword), samePassword, "de")).toEqual({
      ok: false,
      message: "Bitte korrigieren Sie die markierten Felder.",
      fieldErrors: { newPassword: "Wählen Sie ein anderes Passwort als das aktuelle." },
    });
  });

  it("words a service's field error that names its catalogue message (the quiet-hours refusal), English as thrown", () => {
    const reason =
      "The send window lies entirely in the organization's quiet hours (21:00–08:00): nothing could ever be sent. Choose hours outside them.";
    const quiet = new ValidationError([
      { name: "surveyId", reason: "No such survey", in: "body" },
      {
        name: "windowStartHour",
        reason,
        in: "body",
        message: { key: "surveys.sending.quiet.never", values: { hours: "21:00–08:00" } },
      },
    ]);
    const en = failureOf(quiet);
    expect(localizeFailure(en, quiet, "en")).toBe(en);
    expect(en.fieldErrors?.windowStartHour).toBe(reason);
    const de = localizeFailure(failureOf(quiet), quiet, "de");
    expect(de.message).toBe("Bitte korrigieren Sie die markierten Felder.");
    expect(de.fieldErrors).toEqual({
      surveyId: "Diese Umfrage gibt es nicht", // the table's (service-reasons.ts)
      windowStartHour:
        "Das Sendefenster liegt vollständig in den Ruhezeiten der Organisation (21:00–08:00): Es könnte nie etwas gesendet werden. Wählen Sie Stunden außerhalb davon.",
    });
  });

  it("words the zod messages a server action passes on as a service's field errors (case rules, root causes)", () => {
    const causes = z.object({ causes: rootCauseListSchema }).safeParse({ causes: ["Billing", "billing", ""] }).error!;
    const refused = new ValidationError(
      causes.issues.map((i) => ({ name: i.path.map(String).join("."), reason: i.message })),
      "Please correct the highlighted fields.",
    );
    const en = failureOf(refused);
    expect(en.fieldErrors).toEqual({
      "causes.2": "A root cause cannot be blank",
      causes: "Each root cause must appear only once",
    });
    expect(localizeFailure(en, refused, "de")).toEqual({
      ok: false,
      message: "Bitte korrigieren Sie die markierten Felder.",
      fieldErrors: {
        "causes.2": "Eine Ursache darf nicht leer sein",
        causes: "Jede Ursache darf nur einmal vorkommen",
      },
    });
    const units = new ValidationError(
      [
        { name: "rows[3].code", reason: unitCode.safeParse("").error!.issues[0].message, in: "body" },
        { name: "rows[4].code", reason: "The same code is on row 2 already", in: "body" },
      ],
      "2 problems in the file; nothing was saved.",
    );
    expect(localizeFailure(failureOf(units), units, "de")).toEqual({
      ok: false,
      message: "2 Probleme in der Datei; nichts wurde gespeichert.",
      fieldErrors: {
        "rows[3].code": "Geben Sie der Einheit einen Code",
        "rows[4].code": "Derselbe Code steht schon in Zeile 2",
      },
    });
    const due = new ValidationError([{ name: "dueHours", reason: "Enter a whole number of hours from 1 to 720" }]);
    expect(localizeFailure(failureOf(due), due, "de").fieldErrors).toEqual({
      dueHours: "Geben Sie eine ganze Zahl von Stunden zwischen 1 und 720 ein",
    });
  });
});
