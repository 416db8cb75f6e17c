// One production server for the HTTP tests, on the same database the in-process service tests use.
import type { TestProject } from "vitest/node";
import { startServer } from "../server";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl)
    throw new Error("Integration tests need DATABASE_URL (a migrated test database); run them through `npm test`.");
  const server = await startServer({ databaseUrl });
  project.provide("baseURL", server.url);
  return () => server.stop();
}
