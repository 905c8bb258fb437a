// paths.include lists only src/** and *.route.ts; this file (ts-paths-include-miss.ts)
// matches neither, so the rule must not report anything here.
import express from "express";

const app = express();
// ok: ts-paths-include-miss
app.get("/debug/env", (_req, res) => res.json(process.env));
// ok: ts-paths-include-miss
app.get("/debug/heap", (_req, res) => res.end());
