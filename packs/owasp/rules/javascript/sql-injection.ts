import { PrismaClient } from "@prisma/client";
import express from "express";
import { Pool } from "pg";

const app = express();
const pool = new Pool();
const prisma = new PrismaClient();

app.get("/users", async (req, res) => {
  const email = String(req.query.email);
  // ruleid: owasp.javascript.sql-injection
  const { rows } = await pool.query("SELECT id, name FROM users WHERE email = '" + email + "'");
  res.json(rows);
});

app.get("/orders/:id", async (req, res) => {
  // ruleid: owasp.javascript.sql-injection
  const result = await pool.query(`SELECT * FROM orders WHERE id = ${req.params.id}`);
  res.json(result.rows[0]);
});

export async function search(db: Pool, term: string, sort: string) {
  const sql = `SELECT * FROM products WHERE name ILIKE '%${term}%' ORDER BY ${sort}`;
  // ruleid: owasp.javascript.sql-injection
  return db.query(sql);
}

export async function unsafePrisma(userId: string) {
  // ruleid: owasp.javascript.sql-injection
  return prisma.$queryRawUnsafe(`SELECT * FROM "User" WHERE id = '${userId}'`);
}

export async function byEmail(email: string) {
  // ok: owasp.javascript.sql-injection
  return pool.query("SELECT id, name FROM users WHERE email = $1", [email]);
}

export async function safePrisma(userId: string) {
  // ok: owasp.javascript.sql-injection
  return prisma.$queryRaw`SELECT * FROM "User" WHERE id = ${userId}`;
}

export function logLine(logger: { info(m: string): void }, user: string) {
  // ok: owasp.javascript.sql-injection
  logger.info("login by " + user);
}

export function findElement(root: Document, id: string) {
  // ok: owasp.javascript.sql-injection
  return root.querySelector(`#${id}`);
}

export async function escaped(conn: { query(sql: string): Promise<unknown> }, mysql: { escape(v: string): string }, name: string) {
  // ok: owasp.javascript.sql-injection
  await conn.query("SELECT * FROM users WHERE name = " + mysql.escape(name));
  // ok: owasp.javascript.sql-injection
  return conn.query("SELECT id, name " + "FROM users");
}
