import org.junit.jupiter.api.Test;

// The rule excludes *Test.java, so nothing in this file is reported.
class SysoutTest {
    @Test
    void printsProgress() {
        // ok: java-system-out-debug
        System.out.println("running");
        // ok: java-system-out-debug
        System.out.printf("%d%n", 42);
    }
}
