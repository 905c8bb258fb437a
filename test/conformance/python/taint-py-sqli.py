import flask
from flask import request


def by_name(cursor):
    name = request.args.get("name")
    # f-string
    # ruleid: taint-py-sqli
    cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
    # % formatting
    # ruleid: taint-py-sqli
    cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)
    # .format
    # ruleid: taint-py-sqli
    cursor.execute("SELECT * FROM users WHERE name = '{}'".format(name))
    # concatenation through intermediate variables
    where = " WHERE name = '" + name + "'"
    query = "SELECT * FROM users" + where
    # ruleid: taint-py-sqli
    cursor.execute(query)
    # the tainted value passed as a parameter is not the query: near miss
    # ok: taint-py-sqli
    cursor.execute("SELECT * FROM users WHERE name = %s", (name,))


def by_id(cursor):
    raw = request.form["id"]
    user_id = int(raw)
    # sanitized by int()
    # ok: taint-py-sqli
    cursor.execute("SELECT * FROM users WHERE id = %d" % user_id)
    # ok: taint-py-sqli
    cursor.execute("SELECT * FROM users WHERE name = " + sql_quote(raw))
    # ruleid: taint-py-sqli
    cursor.execute("SELECT * FROM users WHERE id = " + raw)


def ordering(cursor):
    # used before it is assigned from the request
    # ok: taint-py-sqli
    cursor.execute(query)
    query = "SELECT 1 " + request.args.get("x")
    # ruleid: taint-py-sqli
    cursor.execute(query)
    query = "SELECT 2"
    # reassigned with a constant
    # ok: taint-py-sqli
    cursor.execute(query)


def branches(cursor, admin):
    query = "SELECT 1"
    if admin:
        query = "SELECT * FROM t WHERE a = " + request.args.get("a")
    # tainted on one branch
    # ruleid: taint-py-sqli
    cursor.execute(query)


def other_function(cursor):
    # a different function: the variables of by_name are not visible
    # ok: taint-py-sqli
    cursor.execute(query)
