import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;

public class XxeDocumentBuilder {
    public DocumentBuilder unsafe() throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        // ruleid: java-xxe-documentbuilder
        return dbf.newDocumentBuilder();
    }

    public DocumentBuilder assigned() throws Exception {
        DocumentBuilderFactory factory;
        factory = DocumentBuilderFactory.newInstance();
        // ruleid: java-xxe-documentbuilder
        DocumentBuilder db = factory.newDocumentBuilder();
        return db;
    }

    public DocumentBuilder hardened() throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setXIncludeAware(false);
        // ok: java-xxe-documentbuilder
        return dbf.newDocumentBuilder();
    }

    public DocumentBuilder featureDisabled() throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        // ruleid: java-xxe-documentbuilder
        return dbf.newDocumentBuilder();
    }

    public DocumentBuilder otherFeature() throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        // ruleid: java-xxe-documentbuilder
        return dbf.newDocumentBuilder();
    }

    public DocumentBuilder hardenedOtherFactory(DocumentBuilderFactory given) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        given.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        // ruleid: java-xxe-documentbuilder
        return dbf.newDocumentBuilder();
    }

    public Object sax() throws Exception {
        SAXParserFactory spf = SAXParserFactory.newInstance();
        // ok: java-xxe-documentbuilder
        return spf.newSAXParser();
    }

    public DocumentBuilder parameter(DocumentBuilderFactory given) throws Exception {
        // ok: java-xxe-documentbuilder
        return given.newDocumentBuilder();
    }
}
