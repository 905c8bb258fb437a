import java.util.ArrayList;
import java.util.List;

public class PublicStaticMutable {
    // ruleid: java-public-static-mutable-field
    public static String apiKeyHeader = "X-Api-Key";

    // ruleid: java-public-static-mutable-field
    public static List<String> admins = new ArrayList<>();

    // ruleid: java-public-static-mutable-field
    static public int counter;

    // ruleid: java-public-static-mutable-field
    @Deprecated public static boolean debug = false;

    // ok: java-public-static-mutable-field
    public static final String NAME = "moat";

    // ok: java-public-static-mutable-field
    final public static int LIMIT = 10;

    // ok: java-public-static-mutable-field
    private static int hits = 0;

    // ok: java-public-static-mutable-field
    public final int id = 1;

    // ok: java-public-static-mutable-field
    public String label;

    // ok: java-public-static-mutable-field
    public static void reset() {
        counter = 0;
    }
}
