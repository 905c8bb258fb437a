import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

// ok: java-request-mapping-any-method
@Controller
@RequestMapping("/bank")
public class RequestMappingMethod {

    // ruleid: java-request-mapping-any-method
    @RequestMapping("/transfer")
    public String transfer(@RequestParam String to, @RequestParam long amount) {
        return "done";
    }

    // ruleid: java-request-mapping-any-method
    @RequestMapping(value = "/close", produces = "application/json")
    public static String close(@RequestParam String account) {
        return "{}";
    }

    // ok: java-request-mapping-any-method
    @RequestMapping(value = "/balance", method = RequestMethod.GET)
    public String balance() {
        return "0";
    }

    // ok: java-request-mapping-any-method
    @RequestMapping(method = {RequestMethod.POST}, value = "/pay")
    public String pay(@RequestParam long amount) {
        return "paid";
    }

    // ok: java-request-mapping-any-method
    @GetMapping("/help")
    public String help() {
        return "help";
    }
}
