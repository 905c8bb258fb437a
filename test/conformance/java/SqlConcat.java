import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

public class SqlConcat {
    private static final Logger LOG = Logger.getLogger("sql");

    public ResultSet byId(Connection conn, String id) throws SQLException {
        Statement stmt = conn.createStatement();
        // ruleid: java-sqli-concat
        return stmt.executeQuery("SELECT * FROM users WHERE id = " + id);
    }

    public int deleteByName(Connection conn, String name) throws SQLException {
        Statement stmt = conn.createStatement();
        // ruleid: java-sqli-concat
        return stmt.executeUpdate("DELETE FROM users WHERE name = '" + name + "'");
    }

    public ResultSet byOwner(Connection conn, String owner) throws SQLException {
        String q = "SELECT * FROM items WHERE owner = " + owner;
        Statement stmt = conn.createStatement();
        LOG.info("running query");
        // ruleid: java-sqli-concat
        ResultSet rs = stmt.executeQuery(q);
        return rs;
    }

    public void batch(Statement stmt, String table) throws SQLException {
        if (table != null) {
            // ruleid: java-sqli-concat
            stmt.addBatch("TRUNCATE " + table);
        }
    }

    public ResultSet constantQuery(Statement stmt) throws SQLException {
        // ok: java-sqli-concat
        return stmt.executeQuery("SELECT * FROM users");
    }

    public ResultSet constantConcat(Statement stmt) throws SQLException {
        // ok: java-sqli-concat
        return stmt.executeQuery("SELECT * FROM " + "users");
    }

    public ResultSet prepared(Connection conn, String id) throws SQLException {
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE id = ?");
        ps.setString(1, id);
        // ok: java-sqli-concat
        return ps.executeQuery();
    }

    public ResultSet otherVariable(Connection conn, String owner, String safe) throws SQLException {
        String q = "SELECT * FROM items WHERE owner = " + owner;
        LOG.fine(q);
        Statement stmt = conn.createStatement();
        // ok: java-sqli-concat
        return stmt.executeQuery(safe);
    }

    public void logOnly(String id) {
        // ok: java-sqli-concat
        LOG.info("looking up user " + id);
    }

    public ResultSet reviewed(Statement stmt, String col) throws SQLException {
        // ok: java-sqli-concat
        return stmt.executeQuery("SELECT " + col + " FROM audit"); // nosemgrep: java-sqli-concat
    }
}
