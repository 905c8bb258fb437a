def find(cur, name):
    # ruleid: py-sql-concat-flow
    query = "SELECT * FROM users WHERE name = " + name
    log("running query")
    cur.execute(query)


def find_nested(cur, name, limit):
    # the statement after the ellipsis may sit in a nested block
    # ruleid: py-sql-concat-flow
    sql = "SELECT * FROM users WHERE name = " + name
    if limit:
        for _ in range(3):
            cur.execute(sql, timeout=limit)


def with_block(conn, name):
    # ruleid: py-sql-concat-flow
    q = 'DELETE FROM sessions WHERE user = ' + name
    with conn.cursor() as cur:
        cur.execute(q)


def different_variable(cur, name):
    # near miss: the concatenated string is never executed
    # ok: py-sql-concat-flow
    query = "SELECT * FROM users WHERE name = " + name
    cur.execute("SELECT 1")


def wrong_order(cur, name):
    cur.execute(query)
    # near miss: execute comes before the assignment
    # ok: py-sql-concat-flow
    query = "SELECT * FROM users WHERE name = " + name


def inner_block_only(cur, name, flag):
    if flag:
        # near miss: `...` does not climb out of the if block to reach the execute
        # ok: py-sql-concat-flow
        query = "SELECT * FROM users WHERE name = " + name
    cur.execute(query)
