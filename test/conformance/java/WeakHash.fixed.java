import java.security.MessageDigest;
import java.security.Signature;

public class WeakHash {
    public byte[] digest(byte[] data, String algorithm) throws Exception {
        // ruleid: java-weak-hash
        MessageDigest md5 = MessageDigest.getInstance("SHA-256");
        // ruleid: java-weak-hash
        MessageDigest sha1 = MessageDigest.getInstance("SHA-256");
        // ruleid: java-weak-hash
        byte[] quick = MessageDigest.getInstance("SHA-256").digest(data);
        // ok: java-weak-hash
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        // ok: java-weak-hash
        MessageDigest chosen = MessageDigest.getInstance(algorithm);
        // ok: java-weak-hash
        Signature sig = Signature.getInstance("MD5withRSA");
        // ok: java-weak-hash
        MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
        // ok: java-weak-hash
        // moat-ignore: java-weak-hash cache key for a legacy on-disk format, not a security boundary
        MessageDigest legacy = MessageDigest.getInstance("MD5");
        return md5.digest(data);
    }
}
