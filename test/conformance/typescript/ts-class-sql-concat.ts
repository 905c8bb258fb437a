import { Pool } from "pg";

export class UserRepository {
  constructor(private readonly db: Pool) {}

  async findById(id: string): Promise<unknown> {
    // ruleid: ts-class-sql-concat
    const res = await this.db.query("SELECT * FROM users WHERE id = '" + id + "'");
    return res.rows[0];
  }

  async findByEmail(email: string) {
    if (email.includes("@")) {
      // ruleid: ts-class-sql-concat
      return await this.db.query("SELECT * FROM users WHERE email = " + email, []);
    }
    return null;
  }

  async safe(id: string) {
    // ok: ts-class-sql-concat
    return await this.db.query("SELECT * FROM users WHERE id = $1", [id]);
  }

  async constantConcat() {
    // ok: ts-class-sql-concat
    return await this.db.query("SELECT * " + "FROM users");
  }
}

export async function outsideClass(db: Pool, id: string) {
  // ok: ts-class-sql-concat
  return await db.query("SELECT * FROM users WHERE id = " + id);
}
