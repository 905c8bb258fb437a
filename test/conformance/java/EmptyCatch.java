import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

public class EmptyCatch {
    private static final Logger LOG = Logger.getLogger("app");

    void swallow() {
        // ruleid: java-empty-catch
        try {
            load();
        } catch (IOException e) {
        }
    }

    void commentOnly() {
        // ruleid: java-empty-catch
        try {
            load();
            parse();
        } catch (RuntimeException ignored) {
            // nothing to do
        }
    }

    void logged() {
        // ok: java-empty-catch
        try {
            load();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "load failed", e);
        }
    }

    void rethrown() {
        // ok: java-empty-catch
        try {
            load();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void finallyOnly() {
        // ok: java-empty-catch
        try {
            load();
        } finally {
            LOG.info("done");
        }
    }

    void nested() {
        if (LOG.isLoggable(Level.FINE)) {
            // ruleid: java-empty-catch
            try { parse(); } catch (NumberFormatException nfe) { }
        }
    }

    void load() throws IOException {}

    void parse() {}
}
