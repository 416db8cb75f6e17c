import { describe, expect, it } from "vitest";
import { covers, mergeMessages, pickMessages } from "./pick";

const messages = {
  nav: { home: "Home", cases: "Cases" },
  auth: { forgot: { submit: "Send me a reset link", title: "Forgot" }, signIn: { submit: "Sign in" } },
  common: { save: "Save" },
};

describe("pickMessages", () => {
  it("copies only the named subtrees, at any depth", () => {
    expect(pickMessages(messages, ["nav", "auth.signIn"])).toEqual({
      nav: { home: "Home", cases: "Cases" },
      auth: { signIn: { submit: "Sign in" } },
    });
  });

  it("merges overlapping paths and ignores paths that name nothing", () => {
    expect(pickMessages(messages, ["auth.forgot.title", "auth.forgot", "nope", "nav.none"])).toEqual({
      auth: { forgot: { submit: "Send me a reset link", title: "Forgot" } },
    });
    expect(pickMessages(messages, ["auth.signIn", "auth"])).toEqual({ auth: messages.auth });
  });
});

describe("covers", () => {
  it("a path covers itself and what is below it, not its parent nor a sibling with the same prefix", () => {
    expect(covers(["auth"], "auth.forgot")).toBe(true);
    expect(covers(["auth.forgot"], "auth.forgot")).toBe(true);
    expect(covers(["auth.forgot"], "auth")).toBe(false);
    expect(covers(["auth.for"], "auth.forgot")).toBe(false);
  });
});

describe("mergeMessages", () => {
  it("adds subtrees at any depth and changes neither input", () => {
    const shell = pickMessages(messages, ["nav", "auth.signIn"]);
    const page = pickMessages(messages, ["auth.forgot"]);
    const [a, b] = [JSON.stringify(shell), JSON.stringify(page)];
    expect(mergeMessages(shell, page)).toEqual(pickMessages(messages, ["nav", "auth"]));
    expect([JSON.stringify(shell), JSON.stringify(page)]).toEqual([a, b]);
  });
});
