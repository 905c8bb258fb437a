import ldap
from ldap.filter import escape_filter_chars, filter_format
from ldap3 import SUBTREE, Connection

BASE_DN = "ou=people,dc=example,dc=com"


def find_user(conn, username):
    # ruleid: owasp.python.ldap-injection
    return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(uid=" + username + ")")


def authenticate(conn: Connection, username, password):
    # ruleid: owasp.python.ldap-injection
    conn.search(BASE_DN, f"(&(objectClass=person)(sAMAccountName={username}))", search_scope=SUBTREE, attributes=["cn"])
    return conn.entries


def groups_of(conn, member_dn):
    # ruleid: owasp.python.ldap-injection
    return conn.search_s("ou=groups,dc=example,dc=com", ldap.SCOPE_SUBTREE, "(member=%s)" % member_dn, ["cn"])


def find_user_safe(conn, username):
    # ok: owasp.python.ldap-injection
    return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(uid=" + escape_filter_chars(username) + ")")


def find_user_format(conn, username):
    # ok: owasp.python.ldap-injection
    return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, filter_format("(uid=%s)", [username]))


def all_people(conn):
    # ok: owasp.python.ldap-injection
    return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(objectClass=person)")


def search_index(index, query):
    # ok: owasp.python.ldap-injection
    return index.search(query, f"{query}*")
