import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SpringCorsController {

    // ruleid: java-spring-cors-wildcard
    @CrossOrigin("*")
    @GetMapping("/public/status")
    public String status() {
        return "ok";
    }

    // ruleid: java-spring-cors-wildcard
    @GetMapping("/public/items")
    @CrossOrigin(origins = "*", maxAge = 3600)
    public String items() {
        return "[]";
    }

    // ruleid: java-spring-cors-wildcard
    @CrossOrigin(maxAge = 600, value = "*")
    @PostMapping("/hooks")
    public void hooks(String body) {
        System.out.println(body);
    }

    // ok: java-spring-cors-wildcard
    @CrossOrigin("https://app.example.com")
    @GetMapping("/account")
    public String account() {
        return "me";
    }

    // ok: java-spring-cors-wildcard
    @CrossOrigin(origins = "https://admin.example.com")
    @PostMapping("/admin")
    public String admin() {
        return "admin";
    }

    // ok: java-spring-cors-wildcard
    @GetMapping("*")
    public String fallback() {
        return "404";
    }
}
