package com.example.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

public class PasswordService {
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(12);

    public String hash(String password) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("MD5");
        // ruleid: owasp.java.weak-password-hash
        byte[] digest = md.digest(password.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    public boolean matches(String rawPassword, String salt, String stored) {
        // ruleid: owasp.java.weak-password-hash
        return DigestUtils.sha1Hex(salt + rawPassword).equals(stored);
    }

    public byte[] legacy(char[] passphrase) throws NoSuchAlgorithmException {
        // ruleid: owasp.java.weak-password-hash
        return MessageDigest.getInstance("SHA-1").digest(new String(passphrase).getBytes(StandardCharsets.UTF_8));
    }

    public String hashSafe(String password) {
        // ok: owasp.java.weak-password-hash
        return encoder.encode(password);
    }

    public String etag(byte[] body) throws NoSuchAlgorithmException {
        // ok: owasp.java.weak-password-hash
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
    }

    public String tokenDigest(String secret) throws NoSuchAlgorithmException {
        // ok: owasp.java.weak-password-hash
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
