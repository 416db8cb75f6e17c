// The one-time-secret box renders the same warning for every form that shows a secret once.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { OneTimeSecret } from "./one-time-secret";
import { withIntl } from "@/tests/components/intl";

describe("OneTimeSecret", () => {
  it("opens with the copy-it-now warning naming what it shows, then the form's own words", () => {
    const html = renderToStaticMarkup(
      withIntl(
        createElement(OneTimeSecret, { id: "k", label: "API key “CRM”", value: "rsn_x_y", what: "key" }, "Store it."),
      ),
    );
    expect(html).toContain("<p><strong>Copy this key now: it will not be shown again.</strong> Store it.</p>");
    expect(html).toContain('<label for="k"');
    expect(html).toMatch(/<input id="k"[^>]* value="rsn_x_y"/);
  });

  it("without `what`, shows only the given notice", () => {
    const html = renderToStaticMarkup(
      withIntl(
        createElement(
          OneTimeSecret,
          { id: "l", label: "Invite link", value: "https://x" },
          createElement("p", null, "Pass it on."),
        ),
      ),
    );
    expect(html).not.toContain("Copy this");
    expect(html).toContain("<p>Pass it on.</p>");
  });
});
