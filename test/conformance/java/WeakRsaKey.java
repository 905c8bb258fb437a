import java.security.KeyPair;
import java.security.KeyPairGenerator;

public class WeakRsaKey {
    public KeyPair tiny() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        // ruleid: java-weak-rsa-key
        kpg.initialize(512);
        return kpg.generateKeyPair();
    }

    public KeyPair legacy() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        // ruleid: java-weak-rsa-key
        kpg.initialize(1024);
        return kpg.generateKeyPair();
    }

    public KeyPair exactlyEnough() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        // ok: java-weak-rsa-key
        kpg.initialize(2048);
        return kpg.generateKeyPair();
    }

    public KeyPair strong() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        // ok: java-weak-rsa-key
        kpg.initialize(4096);
        return kpg.generateKeyPair();
    }

    public KeyPair ellipticCurve() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        // ok: java-weak-rsa-key
        ec.initialize(256);
        return ec.generateKeyPair();
    }

    public KeyPair configured(int size) throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        // ok: java-weak-rsa-key
        kpg.initialize(size);
        return kpg.generateKeyPair();
    }

    public KeyPair otherGenerator(KeyPairGenerator dsa) throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(3072);
        // ok: java-weak-rsa-key
        dsa.initialize(1024);
        return kpg.generateKeyPair();
    }
}
