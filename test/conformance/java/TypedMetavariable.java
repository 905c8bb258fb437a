import javax.servlet.http.HttpServletRequest;
import java.util.Map;

class TypedMetavariable {
    private HttpServletRequest current;
    private Map<String, String> params;

    String handle(javax.servlet.http.HttpServletRequest request, Form form) {
        // a parameter whose type is written with its package still matches
        // ruleid: java-typed-request-param
        String a = request.getParameter("a");
        // ok: java-typed-request-param
        String b = form.getParameter("b");
        // a field, bare and through this
        // ruleid: java-typed-request-param
        String c = current.getParameter("c");
        // ruleid: java-typed-request-param
        String d = this.current.getParameter("d");
        // ok: java-typed-request-param
        String e = params.get("e");
        return a + b + c + d + e;
    }

    String shadow(Form current) {
        // the parameter shadows the field of the same name
        // ok: java-typed-request-param
        return current.getParameter("x");
    }

    String local() {
        HttpServletRequest req = lookup();
        // ruleid: java-typed-request-param
        return req.getParameter("y");
    }

    boolean compare(String name, Object other, String label) {
        // ruleid: java-string-identity-compare
        boolean same = other == name;
        // ok: java-string-identity-compare
        boolean missing = null == name;
        // ok: java-string-identity-compare
        boolean objects = name == other;
        return same || missing || objects;
    }
}
