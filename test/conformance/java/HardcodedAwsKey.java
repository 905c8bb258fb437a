public class HardcodedAwsKey {
    // ruleid: java-hardcoded-aws-key
    private static final String ACCESS_KEY = "AKIAZ7QWERTYUIOP1234";

    // ruleid: java-hardcoded-aws-key
    private static final String SESSION_KEY = "ASIAY34FZKBOKMUTVV7A";

    // ok: java-hardcoded-aws-key
    private static final String DOCS_EXAMPLE = "AKIAIOSFODNN7EXAMPLE";

    // ok: java-hardcoded-aws-key
    private static final String TOO_SHORT = "AKIA1234";

    // ok: java-hardcoded-aws-key
    private static final String LOWER = "akiaz7qwertyuiop1234";

    // ok: java-hardcoded-aws-key
    private static final String FROM_ENV = System.getenv("AWS_ACCESS_KEY_ID");

    String build() {
        // ruleid: java-hardcoded-aws-key
        return "key=" + "AKIAJ5X2ZB3NR7PQ4LMA" + ";";
    }
}
