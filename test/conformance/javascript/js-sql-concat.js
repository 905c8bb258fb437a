function getUser(db, id) {
  // ruleid: js-sql-concat
  return db.query("SELECT * FROM users WHERE id = " + id);
}

function findByName(pool, limit, name) {
  if (name) {
    // ruleid: js-sql-concat
    return pool.query(`SELECT * FROM users WHERE name = '${name}' LIMIT 10`);
  }
  return [];
}

async function search(conn, term) {
  // ruleid: js-sql-concat
  const rows = await conn.query("SELECT * FROM docs WHERE body LIKE '%" + term.trim() + "%'", []);
  return rows;
}

function safeUser(db, id) {
  // ok: js-sql-concat
  return db.query("SELECT * FROM users WHERE id = ?", [id]);
}

function constant(db) {
  // ok: js-sql-concat
  return db.query("SELECT count(*) FROM users");
}

function notAParam(db) {
  // ok: js-sql-concat
  return db.query("SELECT * FROM t WHERE x = " + globalFilter);
}

// ok: js-sql-concat
db.query("SELECT * FROM users WHERE id = " + id);
