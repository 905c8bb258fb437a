package com.example.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

public class FieldEncryptor {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKey key;

    public FieldEncryptor(SecretKey key) {
        this.key = key;
    }

    public byte[] encryptEmail(String email) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        // ruleid: owasp.java.static-iv
        cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec("0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
        return cipher.doFinal(email.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] encryptNote(String note) throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        // ruleid: owasp.java.static-iv
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        return cipher.doFinal(note.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] encryptSsn(String ssn) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        // ruleid: owasp.java.static-iv
        cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[16]));
        return cipher.doFinal(ssn.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] encryptNoteSafe(String note) throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        // ok: owasp.java.static-iv
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        return cipher.doFinal(note.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] decrypt(byte[] iv, byte[] data) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        // ok: owasp.java.static-iv
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
        return cipher.doFinal(data);
    }
}
