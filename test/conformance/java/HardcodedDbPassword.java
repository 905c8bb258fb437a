import java.sql.Connection;
import java.sql.DriverManager;

public class HardcodedDbPassword {
    public Connection inline() throws Exception {
        // ruleid: java-hardcoded-db-password
        return DriverManager.getConnection("jdbc:postgresql://db/app", "app", "s3cr3t!");
    }

    public Connection multiline() throws Exception {
        // ok: java-hardcoded-db-password
        Connection c = DriverManager.getConnection(
            "jdbc:mysql://db:3306/shop",
            "shop",
            // ruleid: java-hardcoded-db-password
            "hunter2");
        return c;
    }

    public Connection fromEnvironment() throws Exception {
        // ok: java-hardcoded-db-password
        return DriverManager.getConnection(System.getenv("DB_URL"), "app", System.getenv("DB_PASSWORD"));
    }

    public Connection emptyPassword() throws Exception {
        // ok: java-hardcoded-db-password
        return DriverManager.getConnection("jdbc:h2:mem:test", "sa", "");
    }

    public Connection urlOnly() throws Exception {
        // ok: java-hardcoded-db-password
        return DriverManager.getConnection("jdbc:sqlite:app.db");
    }

    public Connection hardcodedUserOnly(char[] password) throws Exception {
        // ok: java-hardcoded-db-password
        return DriverManager.getConnection("jdbc:postgresql://db/app", "admin", new String(password));
    }
}
