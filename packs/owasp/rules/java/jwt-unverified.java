package com.example.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import java.security.interfaces.RSAPublicKey;
import javax.crypto.SecretKey;

public class TokenService {
    private final RSAPublicKey publicKey;
    private final SecretKey hmacKey;

    public TokenService(RSAPublicKey publicKey, SecretKey hmacKey) {
        this.publicKey = publicKey;
        this.hmacKey = hmacKey;
    }

    public String serviceToken(String service) {
        // ruleid: owasp.java.jwt-unverified
        return JWT.create().withSubject(service).sign(Algorithm.none());
    }

    public String subject(String token) {
        // ruleid: owasp.java.jwt-unverified
        return JWT.decode(token).getSubject();
    }

    public Object legacyClaims(String token) {
        // ruleid: owasp.java.jwt-unverified
        return Jwts.parser().setSigningKey(hmacKey).parse(token).getBody();
    }

    public String subjectVerified(String token) {
        // ok: owasp.java.jwt-unverified
        DecodedJWT jwt = JWT.require(Algorithm.RSA256(publicKey, null)).withIssuer("https://auth.example.com").build().verify(token);
        return jwt.getSubject();
    }

    public Claims claimsVerified(String token) {
        // ok: owasp.java.jwt-unverified
        return Jwts.parser().verifyWith(hmacKey).build().parseSignedClaims(token).getPayload();
    }
}
