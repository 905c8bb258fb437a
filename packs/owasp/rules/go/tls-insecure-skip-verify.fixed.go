package clients

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"os"
	"time"
)

func PaymentsClient() *http.Client {
	tr := &http.Transport{
		// ruleid: owasp.go.tls-insecure-skip-verify
		TLSClientConfig: &tls.Config{InsecureSkipVerify: false, MinVersion: tls.VersionTLS12},
	}
	return &http.Client{Transport: tr, Timeout: 10 * time.Second}
}

func PatchDefault() {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{}
	// ruleid: owasp.go.tls-insecure-skip-verify
	tr.TLSClientConfig.InsecureSkipVerify = false
	http.DefaultClient.Transport = tr
}

func InternalClient() (*http.Client, error) {
	pem, err := os.ReadFile("/etc/ssl/internal-ca.pem")
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	// ok: owasp.go.tls-insecure-skip-verify
	cfg := &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12, InsecureSkipVerify: false}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}, nil
}
