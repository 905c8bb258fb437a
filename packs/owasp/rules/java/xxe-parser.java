package com.example.xml;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;

public class InvoiceParser {
    public Document parse(InputStream in) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        // ruleid: owasp.java.xxe-parser
        DocumentBuilder builder = dbf.newDocumentBuilder();
        return builder.parse(in);
    }

    public SAXParser saxParser() throws Exception {
        SAXParserFactory spf = SAXParserFactory.newInstance();
        // ruleid: owasp.java.xxe-parser
        return spf.newSAXParser();
    }

    public XMLStreamReader stax(InputStream in) throws Exception {
        XMLInputFactory xif = XMLInputFactory.newInstance();
        // ruleid: owasp.java.xxe-parser
        return xif.createXMLStreamReader(in);
    }

    public Document parseSafe(InputStream in) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setXIncludeAware(false);
        // ok: owasp.java.xxe-parser
        return dbf.newDocumentBuilder().parse(in);
    }

    public XMLStreamReader staxSafe(InputStream in) throws Exception {
        XMLInputFactory xif = XMLInputFactory.newInstance();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        // ok: owasp.java.xxe-parser
        return xif.createXMLStreamReader(in);
    }
}
