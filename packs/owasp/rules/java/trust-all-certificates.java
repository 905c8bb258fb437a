package com.example.http;

import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

public class InsecureClients {
    public SSLContext trustAll() throws Exception {
        TrustManager[] trustAll = new TrustManager[]{new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            // ruleid: owasp.java.trust-all-certificates
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }};
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, trustAll, new java.security.SecureRandom());
        return ctx;
    }

    public void allowAllHosts() {
        // ruleid: owasp.java.trust-all-certificates
        HttpsURLConnection.setDefaultHostnameVerifier((hostname, session) -> true);
    }

    public CloseableHttpClient apacheClient() {
        // ruleid: owasp.java.trust-all-certificates
        return HttpClients.custom().setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE).build();
    }

    static class AnyHost implements HostnameVerifier {
        // ruleid: owasp.java.trust-all-certificates
        public boolean verify(String hostname, SSLSession session) {
            return true;
        }
    }

    static class PinnedHost implements HostnameVerifier {
        // ok: owasp.java.trust-all-certificates
        public boolean verify(String hostname, SSLSession session) {
            return "api.example.com".equals(hostname);
        }
    }

    public void pinnedHosts(HttpsURLConnection conn) {
        // ok: owasp.java.trust-all-certificates
        conn.setHostnameVerifier((hostname, session) -> hostname.endsWith(".example.com"));
    }
}
