package com.example.legacy;

import javax.xml.namespace.QName;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

public class XmlUserStore {
    private final Document users;
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    public XmlUserStore(Document users) {
        this.users = users;
    }

    public boolean login(String name, String password) throws XPathExpressionException {
        // ruleid: owasp.java.xpath-injection
        String hit = xpath.evaluate("//user[@name='" + name + "' and @password='" + password + "']/@id", users);
        return !hit.isEmpty();
    }

    public NodeList ordersOf(String customer) throws XPathExpressionException {
        String expr = "//order[@customer='" + customer + "']";
        // ruleid: owasp.java.xpath-injection
        return (NodeList) xpath.evaluate(expr, users, XPathConstants.NODESET);
    }

    public boolean loginSafe(String name) throws XPathExpressionException {
        xpath.setXPathVariableResolver((QName v) -> "name".equals(v.getLocalPart()) ? name : null);
        // ok: owasp.java.xpath-injection
        return !xpath.evaluate("//user[@name=$name]/@id", users).isEmpty();
    }

    public String greeting(String name) {
        // ok: owasp.java.xpath-injection
        return String.join(" ", "Hello", name);
    }
}
