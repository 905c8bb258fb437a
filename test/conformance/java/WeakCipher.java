import javax.crypto.Cipher;

public class WeakCipher {
    public void ciphers(String configured) throws Exception {
        // ruleid: java-weak-cipher
        Cipher des = Cipher.getInstance("DES");
        // ruleid: java-weak-cipher
        Cipher des3 = Cipher.getInstance("DESede/CBC/PKCS5Padding");
        // ruleid: java-weak-cipher
        Cipher rc4 = Cipher.getInstance("RC4", "SunJCE");
        // ruleid: java-weak-cipher
        Cipher ecb = Cipher.getInstance("AES/ECB/PKCS5Padding");
        // ruleid: java-weak-cipher
        Cipher defaultMode = Cipher.getInstance("AES");
        // ok: java-weak-cipher
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        // ok: java-weak-cipher
        Cipher wrap = Cipher.getInstance("AESWrap");
        // ok: java-weak-cipher
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        // ok: java-weak-cipher
        Cipher dynamic = Cipher.getInstance(configured);
        // ok: java-weak-cipher
        Object other = Other.getInstance("DES");
        // ok: java-weak-cipher
        // nosemgrep: java-weak-cipher
        Cipher legacy = Cipher.getInstance("DES");
    }
}
