package com.example.vault;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

public class CardVault {
    public byte[] encryptLegacy(SecretKey key, byte[] pan) throws GeneralSecurityException {
        // ruleid: owasp.java.weak-cipher
        Cipher cipher = Cipher.getInstance("DESede/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(pan);
    }

    public byte[] encryptToken(SecretKey key, byte[] token) throws GeneralSecurityException {
        // ruleid: owasp.java.weak-cipher
        Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(token);
    }

    public byte[] encryptDefault(SecretKey key, byte[] data) throws GeneralSecurityException {
        // ruleid: owasp.java.weak-cipher
        Cipher cipher = Cipher.getInstance("AES");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(data);
    }

    public byte[] stream(SecretKey key, byte[] data) throws GeneralSecurityException {
        // ruleid: owasp.java.weak-cipher
        Cipher cipher = Cipher.getInstance("RC4");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(data);
    }

    public byte[] encrypt(SecretKey key, byte[] iv, byte[] data) throws GeneralSecurityException {
        // ok: owasp.java.weak-cipher
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        return cipher.doFinal(data);
    }

    public byte[] wrapKey(java.security.PublicKey pub, byte[] key) throws GeneralSecurityException {
        // ok: owasp.java.weak-cipher
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        cipher.init(Cipher.ENCRYPT_MODE, pub);
        return cipher.doFinal(key);
    }
}
