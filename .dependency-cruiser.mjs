// No runtime import cycles anywhere: `npm run lint:cycles` (and `npm test`'s lint step) follows every import that
// survives compilation (type-only imports are erased, so types may point both ways) through app, components, lib,
// the scripts, benchmarks, tests and the embed script, and fails on any cycle it finds. It replaced ESLint's
// import/no-cycle, which did the same check at nine times the cost (most of the lint run).
/** @type {import('dependency-cruiser').IConfiguration} */
const config = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A module that (indirectly) imports itself at run time: break the cycle (move the shared part down).",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next[^/]*|tmp|lib/generated|public|backups|test-results|playwright-report)/" },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".mts", ".mjs", ".js", ".json"] },
  },
};

export default config;
