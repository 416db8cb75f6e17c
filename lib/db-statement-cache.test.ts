// The compiled-statement cache of the SQLite connection (lib/db.ts): the adapter's prepare → bind(args) →
// run/raw().all() protocol keeps working with arguments that differ per call, and SQL is compiled once.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { cacheStatements } from "./db";

type View = {
  reader: boolean;
  run(): unknown;
  raw(): { all(): unknown[] };
  columns(): { name: string }[];
  bind(args: unknown[]): View;
};

function open() {
  const client = new Database(":memory:");
  let compiled = 0;
  const prepare = client.prepare.bind(client);
  client.prepare = ((sql: string) => (compiled++, prepare(sql))) as typeof client.prepare;
  cacheStatements(client as never, 2);
  return { client, prepare: (sql: string) => client.prepare(sql) as unknown as View, compiled: () => compiled };
}

describe("cacheStatements", () => {
  it("binds each call's own arguments to a statement compiled once", () => {
    const { prepare, compiled } = open();
    prepare("CREATE TABLE t (a INTEGER, b TEXT)").bind([]).run();
    const insert = "INSERT INTO t (a, b) VALUES (?, ?)";
    for (let i = 0; i < 5; i++)
      prepare(insert)
        .bind([i, `row ${i}`])
        .run();
    const select = prepare("SELECT a, b FROM t WHERE a >= ? ORDER BY a").bind([3]);
    expect(select.reader).toBe(true);
    expect(select.columns().map((c) => c.name)).toEqual(["a", "b"]);
    expect(select.raw().all()).toEqual([
      [3, "row 3"],
      [4, "row 4"],
    ]);
    expect(prepare("SELECT a, b FROM t WHERE a >= ? ORDER BY a").bind([4]).raw().all()).toEqual([[4, "row 4"]]);
    expect(prepare(insert).bind([9, "x"]).reader).toBe(false);
    expect(compiled()).toBe(3); // create, insert, select: the repeats came from the cache
    prepare("SELECT count(*) FROM t").bind([]).raw().all(); // a cache of 2: evicts the least recent (select)
    prepare("SELECT a, b FROM t WHERE a >= ? ORDER BY a").bind([0]).raw().all();
    expect(compiled()).toBe(5);
  });

  it("runs statements without arguments directly (BEGIN/COMMIT of transactions)", () => {
    const { prepare } = open();
    prepare("CREATE TABLE t (a INTEGER)").run();
    prepare("BEGIN").run();
    prepare("INSERT INTO t VALUES (?)").bind([1]).run();
    prepare("ROLLBACK").run();
    expect(prepare("SELECT count(*) FROM t").bind([]).raw().all()).toEqual([[0]]);
  });
});
