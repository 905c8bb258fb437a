import fs from "node:fs";
import https from "node:https";
import axios from "axios";
import { Pool } from "pg";

// ruleid: owasp.javascript.tls-verify-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";

// ruleid: owasp.javascript.tls-verify-disabled
const insecureAgent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });

export const payments = axios.create({ baseURL: "https://payments.internal.example", httpsAgent: insecureAgent });

export const db = new Pool({
  connectionString: process.env.DATABASE_URL,
  // ruleid: owasp.javascript.tls-verify-disabled
  ssl: { rejectUnauthorized: false },
});

export function legacyRequest(path: string) {
  // ruleid: owasp.javascript.tls-verify-disabled
  return https.get({ host: "legacy.internal.example", path, checkServerIdentity: () => undefined });
}

// ok: owasp.javascript.tls-verify-disabled
const privateCaAgent = new https.Agent({ keepAlive: true, ca: fs.readFileSync("/etc/ssl/internal-ca.pem") });

export const inventory = axios.create({ baseURL: "https://inventory.internal.example", httpsAgent: privateCaAgent });

export const strictDb = new Pool({
  connectionString: process.env.DATABASE_URL,
  // ok: owasp.javascript.tls-verify-disabled
  ssl: { rejectUnauthorized: true, ca: fs.readFileSync("/etc/ssl/rds-ca.pem", "utf8") },
});
