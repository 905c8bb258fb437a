package directory

import (
	"fmt"

	"github.com/go-ldap/ldap/v3"
)

const baseDN = "ou=people,dc=example,dc=com"

func FindUser(conn *ldap.Conn, username string) (*ldap.SearchResult, error) {
	req := ldap.NewSearchRequest(baseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 1, 10, false,
		// ruleid: owasp.go.ldap-injection
		fmt.Sprintf("(&(objectClass=person)(uid=%s))", username),
		[]string{"dn", "cn"}, nil)
	return conn.Search(req)
}

func GroupsOf(conn *ldap.Conn, memberDN string) (*ldap.SearchResult, error) {
	req := ldap.NewSearchRequest("ou=groups,dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 10, false,
		// ruleid: owasp.go.ldap-injection
		"(member="+memberDN+")",
		[]string{"cn"}, nil)
	return conn.Search(req)
}

func FindUserSafe(conn *ldap.Conn, username string) (*ldap.SearchResult, error) {
	req := ldap.NewSearchRequest(baseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 1, 10, false,
		// ok: owasp.go.ldap-injection
		fmt.Sprintf("(&(objectClass=person)(uid=%s))", ldap.EscapeFilter(username)),
		[]string{"dn", "cn"}, nil)
	return conn.Search(req)
}

func AllPeople(conn *ldap.Conn) (*ldap.SearchResult, error) {
	req := ldap.NewSearchRequest(baseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 10, false,
		// ok: owasp.go.ldap-injection
		"(objectClass=person)",
		[]string{"dn", "cn"}, nil)
	return conn.Search(req)
}
