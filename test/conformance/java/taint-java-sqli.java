import java.sql.*;
import javax.servlet.http.*;

public class UserDao {
    void find(HttpServletRequest request, Statement stmt) throws SQLException {
        String name = request.getParameter("name");
        // ruleid: taint-java-sqli
        stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
        // ruleid: taint-java-sqli
        stmt.executeQuery(String.format("SELECT * FROM users WHERE name = '%s'", name));
        StringBuilder sb = new StringBuilder("SELECT * FROM users WHERE name = '");
        sb.append(name).append("'");
        // ruleid: taint-java-sqli
        stmt.execute(sb.toString());
        int id = Integer.parseInt(request.getParameter("id"));
        // sanitized by parseInt
        // ok: taint-java-sqli
        stmt.executeQuery("SELECT * FROM users WHERE id = " + id);
        // ok: taint-java-sqli
        stmt.executeQuery("SELECT * FROM users WHERE name = '" + ESAPI.encoder().encodeForSQL(codec, name) + "'");
    }

    void prepared(HttpServletRequest request, Connection conn) throws SQLException {
        String name = request.getParameter("name");
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
        ps.setString(1, name);
        // the statement text is constant: near miss
        // ok: taint-java-sqli
        ps.executeQuery();
    }

    void order(HttpServletRequest request, Statement stmt) throws SQLException {
        String sort = "id";
        // ok: taint-java-sqli
        stmt.executeQuery("SELECT * FROM users ORDER BY " + sort);
        sort = request.getParameter("sort");
        // ruleid: taint-java-sqli
        stmt.executeQuery("SELECT * FROM users ORDER BY " + sort);
        sort = "name";
        // ok: taint-java-sqli
        stmt.executeQuery("SELECT * FROM users ORDER BY " + sort);
    }
}
