// A comment's matched words in <mark>, cut at the stored offsets into React text nodes: markup in a comment stays text.
import { screen } from "@testing-library/react";
import { render } from "@/tests/components/intl";
import { describe, expect, it } from "vitest";
import { HighlightedText, InsightBadges } from "./text-insight";

describe("HighlightedText", () => {
  it("marks the matched words and renders a hostile comment as text", () => {
    const text = 'You charged me <script>alert("x")</script><img src=x onerror=alert(1)> twice';
    const { container } = render(
      <p data-testid="c">
        <HighlightedText text={text} themes={[{ key: "billing", name: "Billing", spans: [[4, 11]] }]} />
      </p>,
    );
    const p = screen.getByTestId("c");
    expect(p.textContent).toBe(text);
    expect([...container.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["charged"]);
    expect(container.querySelector("script")).toBeNull();
    expect(container.querySelector("img")).toBeNull();
  });

  it("shows the sentiment in words and the themes by name", () => {
    render(
      <InsightBadges
        insight={{
          sentiment: { score: -0.6, label: "negative", language: "en" },
          themes: [{ key: "billing", name: "Billing", spans: [] }],
        }}
      />,
    );
    expect(screen.getByTestId("sentiment-label").textContent).toBe("Sentiment: Negative");
    expect(screen.getByText("Billing")).toBeTruthy();
  });
});

describe("themeKeyFor", () => {
  it("makes a key from an accepted phrase, unique among the organization's", async () => {
    const { themeKeyFor } = await import("./suggested-themes");
    expect(themeKeyFor("hidden fees", new Set())).toBe("hidden-fees");
    expect(themeKeyFor("Parkhaus Gebühren", new Set(["parkhaus-gebuehren"]))).toBe("parkhaus-gebuehren-2");
    expect(themeKeyFor("çà", new Set())).toBe("ca");
    expect(themeKeyFor("!!!", new Set())).toBe("theme");
  });
});
