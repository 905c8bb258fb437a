package com.example.config;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class WebConfig implements WebMvcConfigurer {
    @Override
    public void addCorsMappings(CorsRegistry registry) {
        // ruleid: owasp.java.cors-credentials-wildcard
        registry.addMapping("/api/**").allowedOriginPatterns("*").allowCredentials(true);
        // ok: owasp.java.cors-credentials-wildcard
        registry.addMapping("/partner/**").allowedOrigins("https://app.example.com").allowCredentials(true);
        // ok: owasp.java.cors-credentials-wildcard
        registry.addMapping("/public/**").allowedOrigins("*");
    }

    @Bean
    public UrlBasedCorsConfigurationSource corsSource() {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowCredentials(true);
        // ruleid: owasp.java.cors-credentials-wildcard
        config.addAllowedOriginPattern("*");
        config.setAllowedMethods(List.of("GET", "POST"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }
}

@RestController
class AccountController {
    // ruleid: owasp.java.cors-credentials-wildcard
    @CrossOrigin(origins = "*", allowCredentials = "true")
    @GetMapping("/account")
    public String account() {
        return "{}";
    }

    // ok: owasp.java.cors-credentials-wildcard
    @CrossOrigin(origins = "https://app.example.com", allowCredentials = "true")
    @GetMapping("/account/settings")
    public String settings() {
        return "{}";
    }
}
