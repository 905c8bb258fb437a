import { Request } from 'express';

function getUser(req: Request, db: Db): void {
  const id: string = req.params.id;
  const sqlText: string = `SELECT * FROM users WHERE id = ${id}`;
  // ruleid: taint-ts-sqli
  db.query(sqlText);
  // parameterized: the tainted value is not the SQL text
  // ok: taint-ts-sqli
  db.query('SELECT * FROM users WHERE id = $1', [id]);
  // ok: taint-ts-sqli
  db.query(`SELECT * FROM users WHERE id = ${Number(id)}`);
  const filters: string[] = [];
  filters.push(`name = '${req.query.name as string}'`);
  // ruleid: taint-ts-sqli
  db.raw('SELECT * FROM users WHERE ' + filters.join(' AND '));
  const order = <string>req.body.order;
  // ruleid: taint-ts-sqli
  db.query('SELECT * FROM users ORDER BY ' + order);
  // ok: taint-ts-sqli
  db.query('SELECT * FROM users ORDER BY ' + sql.escape(order));
}

function notARequest(req: Options, db: Db): void {
  // req is not typed as a Request here
  // ok: taint-ts-sqli
  db.query(`SELECT ${req.params.col} FROM t`);
}
