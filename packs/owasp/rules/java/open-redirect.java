package com.example.auth;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

@Controller
public class LoginController {
    public void afterLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        // ruleid: owasp.java.open-redirect
        response.sendRedirect(next);
    }

    @GetMapping("/logout")
    public String logout(@RequestParam("returnTo") String returnTo) {
        // ruleid: owasp.java.open-redirect
        return "redirect:" + returnTo;
    }

    @GetMapping("/out")
    public RedirectView out(@RequestParam String to) {
        // ruleid: owasp.java.open-redirect
        return new RedirectView(to);
    }

    @GetMapping("/home")
    public String home(@RequestParam(required = false) String tab) {
        // ok: owasp.java.open-redirect
        return "redirect:/dashboard";
    }

    public void legacy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = "guide".equals(request.getParameter("page")) ? "/docs/guide" : "/docs";
        // ok: owasp.java.open-redirect
        response.sendRedirect(page);
    }
}
