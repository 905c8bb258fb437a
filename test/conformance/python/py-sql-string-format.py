def lookup(cur, user_id, name, org):
    # ruleid: py-sql-string-format
    cur.execute(f"SELECT * FROM users WHERE id = {user_id}")
    # ruleid: py-sql-string-format
    cur.execute(f"SELECT * FROM users WHERE id = {user_id} AND org = {org!r}")
    # ruleid: py-sql-string-format
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)
    # ruleid: py-sql-string-format
    cur.execute('SELECT * FROM users WHERE name = "{}"'.format(name))
    # ruleid: py-sql-string-format
    cur.execute("DELETE FROM users WHERE id = " + str(user_id))
    # an f-string without any replacement field is a constant
    # ok: py-sql-string-format
    cur.execute(f"SELECT count(*) FROM users")
    # ok: py-sql-string-format
    cur.execute("SELECT * FROM users WHERE id = %s", (user_id,))
    # ok: py-sql-string-format
    cur.execute("SELECT * FROM users WHERE name = :name", {"name": name})
    # near miss: formatting happens, but not in the execute call
    # ok: py-sql-string-format
    print("looked up %s" % name)
