import java.security.SecureRandom;
import java.util.Collections;
import java.util.List;
import java.util.Random;

public class InsecureRandom {
    // ok: java-insecure-random-token
    private final Random jitter = new Random();

    public String generateToken() {
        // ruleid: java-insecure-random-token
        Random r = new SecureRandom();
        return Long.toHexString(r.nextLong());
    }

    public static String newSessionId(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            // ruleid: java-insecure-random-token
            sb.append((char) ('a' + new SecureRandom().nextInt(26)));
        }
        return sb.toString();
    }

    private int resetPasswordCode() {
        // ruleid: java-insecure-random-token
        return new SecureRandom().nextInt(1000000);
    }

    public String secureToken() {
        // ok: java-insecure-random-token
        SecureRandom r = new SecureRandom();
        return Long.toHexString(r.nextLong());
    }

    public List<String> shuffleCards(List<String> cards) {
        // ok: java-insecure-random-token
        Collections.shuffle(cards, new Random());
        return cards;
    }
}
