import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSession;

public class HostnameVerifier {
    static class AllowAll implements javax.net.ssl.HostnameVerifier {
        // ruleid: java-hostname-verifier-accept-all
        public boolean verify(String hostname, SSLSession session) {
            return true;
        }
    }

    static class Pinned implements javax.net.ssl.HostnameVerifier {
        // ok: java-hostname-verifier-accept-all
        public boolean verify(String hostname, SSLSession session) {
            return "api.example.com".equals(hostname);
        }
    }

    void install(HttpsURLConnection conn) {
        // ruleid: java-hostname-verifier-accept-all
        HttpsURLConnection.setDefaultHostnameVerifier((hostname, session) -> true);
        // ok: java-hostname-verifier-accept-all
        conn.setHostnameVerifier((hostname, session) -> hostname.endsWith(".example.com"));
        // ok: java-hostname-verifier-accept-all
        conn.setHostnameVerifier((hostname, session) -> false);
    }
}
