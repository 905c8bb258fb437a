package com.example.users;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;

public class UserRepository {
    private final Connection connection;
    private final EntityManager em;
    private final JdbcTemplate jdbcTemplate;

    public UserRepository(Connection connection, EntityManager em, JdbcTemplate jdbcTemplate) {
        this.connection = connection;
        this.em = em;
        this.jdbcTemplate = jdbcTemplate;
    }

    public ResultSet findByEmail(String email) throws SQLException {
        Statement stmt = connection.createStatement();
        // ruleid: owasp.java.sql-injection
        return stmt.executeQuery("SELECT id, name FROM users WHERE email = '" + email + "'");
    }

    public List<?> search(String term, String sort) {
        String jpql = "SELECT u FROM User u WHERE u.name LIKE '%" + term + "%' ORDER BY " + sort;
        // ruleid: owasp.java.sql-injection
        return em.createQuery(jpql).getResultList();
    }

    public int deactivate(String ids) {
        // ruleid: owasp.java.sql-injection
        return jdbcTemplate.update(String.format("UPDATE users SET active = false WHERE id IN (%s)", ids));
    }

    public ResultSet findByEmailSafe(String email) throws SQLException {
        // ok: owasp.java.sql-injection
        PreparedStatement ps = connection.prepareStatement("SELECT id, name FROM users WHERE email = ?");
        ps.setString(1, email);
        return ps.executeQuery();
    }

    public List<?> searchSafe(String term) {
        // ok: owasp.java.sql-injection
        return em.createQuery("SELECT u FROM User u WHERE u.name LIKE :term").setParameter("term", "%" + term + "%").getResultList();
    }

    public Integer count(String tenant) {
        // ok: owasp.java.sql-injection
        return jdbcTemplate.queryForObject("SELECT count(*) FROM users WHERE tenant = ?", Integer.class, tenant);
    }

    public ResultSet encoded(Statement stmt, org.owasp.esapi.codecs.Codec codec, String name) throws SQLException {
        // ok: owasp.java.sql-injection
        stmt.executeQuery("SELECT * FROM users WHERE name = '" + org.owasp.esapi.ESAPI.encoder().encodeForSQL(codec, name) + "'");
        // ok: owasp.java.sql-injection
        return stmt.executeQuery("SELECT * FROM " + "users");
    }
}
