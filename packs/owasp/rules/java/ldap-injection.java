package com.example.directory;

import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import org.springframework.ldap.support.LdapEncoder;

public class DirectoryService {
    private static final String BASE = "ou=people,dc=example,dc=com";
    private final DirContext ctx;

    public DirectoryService(DirContext ctx) {
        this.ctx = ctx;
    }

    public NamingEnumeration<SearchResult> findUser(String username) throws NamingException {
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        // ruleid: owasp.java.ldap-injection
        return ctx.search(BASE, "(&(objectClass=person)(uid=" + username + "))", controls);
    }

    public NamingEnumeration<SearchResult> groupsOf(String memberDn) throws NamingException {
        // ruleid: owasp.java.ldap-injection
        return ctx.search("ou=groups,dc=example,dc=com", String.format("(member=%s)", memberDn), new SearchControls());
    }

    public NamingEnumeration<SearchResult> findUserSafe(String username) throws NamingException {
        // ok: owasp.java.ldap-injection
        return ctx.search(BASE, "(&(objectClass=person)(uid={0}))", new Object[]{username}, new SearchControls());
    }

    public NamingEnumeration<SearchResult> findUserEncoded(String username) throws NamingException {
        // ok: owasp.java.ldap-injection
        return ctx.search(BASE, "(uid=" + LdapEncoder.filterEncode(username) + ")", new SearchControls());
    }
}
