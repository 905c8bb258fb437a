import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

public class TrustAllCertificates {
    static class TrustAll implements X509TrustManager {
        // ruleid: java-trust-all-certificates
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        // ruleid: java-trust-all-certificates
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // accept everything
        }

        // ok: java-trust-all-certificates
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    static class Delegating implements X509TrustManager {
        private final X509TrustManager delegate;

        Delegating(X509TrustManager delegate) {
            this.delegate = delegate;
        }

        // ok: java-trust-all-certificates
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        // ok: java-trust-all-certificates
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }

    static class NotATrustManager {
        // ok: java-trust-all-certificates
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }
    }

    TrustManager[] anonymous() {
        return new TrustManager[] {
            new X509TrustManager() {
                // ruleid: java-trust-all-certificates
                public void checkServerTrusted(X509Certificate[] chain, String authType) { }

                // ok: java-trust-all-certificates
                public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                    throw new CertificateException("client certificates are not accepted");
                }

                public X509Certificate[] getAcceptedIssuers() {
                    return null;
                }
            }
        };
    }
}
