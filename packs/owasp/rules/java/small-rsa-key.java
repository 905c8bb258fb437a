package com.example.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.RSAKeyGenParameterSpec;

public class KeyFactory {
    public KeyPair signingKey() throws GeneralSecurityException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        // ruleid: owasp.java.small-rsa-key
        gen.initialize(1024);
        return gen.generateKeyPair();
    }

    public KeyPair deviceKey() throws GeneralSecurityException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        // ruleid: owasp.java.small-rsa-key
        gen.initialize(new RSAKeyGenParameterSpec(512, RSAKeyGenParameterSpec.F4), new SecureRandom());
        return gen.generateKeyPair();
    }

    public KeyPair serviceKey() throws GeneralSecurityException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        // ok: owasp.java.small-rsa-key
        gen.initialize(3072, new SecureRandom());
        return gen.generateKeyPair();
    }

    public KeyPair ecKey() throws GeneralSecurityException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        // ok: owasp.java.small-rsa-key
        gen.initialize(256);
        return gen.generateKeyPair();
    }
}
