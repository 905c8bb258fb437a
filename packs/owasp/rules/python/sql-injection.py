import sqlite3

from django.contrib.auth.models import User
from flask import Flask, request
from sqlalchemy import text

app = Flask(__name__)


@app.route("/users")
def find_user():
    conn = sqlite3.connect("app.db")
    cur = conn.cursor()
    email = request.args.get("email")
    # ruleid: owasp.python.sql-injection
    cur.execute("SELECT id, name FROM users WHERE email = '" + email + "'")
    # ruleid: owasp.python.sql-injection
    cur.execute("SELECT id, name FROM users WHERE email = '%s'" % email)
    # ruleid: owasp.python.sql-injection
    cur.execute("SELECT id, name FROM users WHERE email = '{}'".format(email))
    # ruleid: owasp.python.sql-injection
    cur.execute(f"SELECT id, name FROM users WHERE email = '{email}'")
    # ok: owasp.python.sql-injection
    cur.execute("SELECT id, name FROM users WHERE email = ?", (email,))
    # ok: owasp.python.sql-injection
    cur.execute("SELECT count(*) FROM users")
    return {"rows": cur.fetchall()}


def orders_for(session, customer_id, sort):
    query = f"SELECT * FROM orders WHERE customer_id = {customer_id} ORDER BY {sort}"
    # ruleid: owasp.python.sql-injection
    return session.execute(query).all()


def orders_bound(session, customer_id):
    query = text("SELECT * FROM orders WHERE customer_id = :cid")
    # ok: owasp.python.sql-injection
    return session.execute(query, {"cid": customer_id}).all()


def report(engine, table):
    with engine.connect() as conn:
        # ruleid: owasp.python.sql-injection
        conn.execute(text(f"SELECT * FROM {table}"))


def django_raw(username):
    sql = "SELECT * FROM auth_user WHERE username = '%s'" % username
    # ruleid: owasp.python.sql-injection
    return User.objects.raw(sql)


def django_raw_params(username):
    # ok: owasp.python.sql-injection
    return User.objects.raw("SELECT * FROM auth_user WHERE username = %s", [username])


def log_line(logger, user):
    # ok: owasp.python.sql-injection
    logger.info("login by %s" % user)


def constant_pieces(cur):
    # ok: owasp.python.sql-injection
    cur.execute("SELECT id, name " + "FROM users")


def by_id(cur, user_id):
    # ok: owasp.python.sql-injection
    cur.execute("SELECT * FROM users WHERE id = %d" % user_id)
    # ruleid: owasp.python.sql-injection
    cur.execute("SELECT * FROM users WHERE id = %d AND name = '%s'" % (user_id, "x"))


def reassigned(cur, name):
    query = "SELECT * FROM users WHERE name = '" + name + "'"
    # ruleid: owasp.python.sql-injection
    cur.execute(query)
    query = "SELECT count(*) FROM users"
    # Engine limit: `$Q = "..."` in a pattern-not-inside also matches f-strings, so the
    # "reassigned to a constant" exclusion cannot be written without losing the f-string case.
    # todook: owasp.python.sql-injection
    cur.execute(query)
