package com.example.web;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

public class SearchServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String q = request.getParameter("q");
        response.setContentType("text/html");
        // ruleid: owasp.java.xss-servlet-writer
        response.getWriter().println("<h1>Results for " + q + "</h1>");
        PrintWriter out = response.getWriter();
        // ruleid: owasp.java.xss-servlet-writer
        out.printf("<p>Sorted by %s</p>", request.getParameter("sort"));
        // ok: owasp.java.xss-servlet-writer
        out.println("<p>Showing " + Encode.forHtml(q) + "</p>");
        // ok: owasp.java.xss-servlet-writer
        out.println("<footer>Example Inc.</footer>");
    }
}
