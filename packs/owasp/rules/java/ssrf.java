package com.example.preview;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

@RestController
public class PreviewController {
    private final RestTemplate restTemplate = new RestTemplate();
    private final HttpClient httpClient = HttpClient.newHttpClient();
    private final Map<String, String> cache = new java.util.HashMap<>();
    private static final Map<String, String> FEEDS = Map.of("news", "https://feeds.example.com/news.json");

    @GetMapping("/preview")
    public String preview(@RequestParam String url) {
        // ruleid: owasp.java.ssrf
        return restTemplate.getForObject(url, String.class);
    }

    public byte[] avatar(HttpServletRequest request) throws Exception {
        URL u = new URL("https://" + request.getParameter("host") + "/avatar.png");
        // ruleid: owasp.java.ssrf
        HttpURLConnection conn = (HttpURLConnection) u.openConnection();
        try (InputStream in = conn.getInputStream()) {
            return in.readAllBytes();
        }
    }

    @GetMapping("/webhook-test")
    public int webhookTest(@RequestParam("callback") String callback) throws Exception {
        // ruleid: owasp.java.ssrf
        HttpRequest req = HttpRequest.newBuilder(URI.create(callback)).GET().build();
        return httpClient.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @GetMapping("/feed")
    public String feed(@RequestParam String name) {
        // ok: owasp.java.ssrf
        cache.put(name, "requested");
        // ok: owasp.java.ssrf
        return restTemplate.getForObject(FEEDS.get("news"), String.class);
    }

    @GetMapping("/weather")
    public String weather(@RequestParam String city) {
        // ok: owasp.java.ssrf
        return restTemplate.getForObject("https://api.weather.example.com/v1/forecast?city={city}", String.class, city);
    }
}
