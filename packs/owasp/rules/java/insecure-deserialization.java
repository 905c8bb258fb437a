package com.example.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.thoughtworks.xstream.XStream;
import java.beans.XMLDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.Base64;
import javax.servlet.http.HttpServletRequest;
import org.yaml.snakeyaml.Yaml;

public class SessionCodec {
    public Object restore(HttpServletRequest request) throws IOException, ClassNotFoundException {
        byte[] raw = Base64.getDecoder().decode(request.getHeader("X-Session"));
        ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(raw));
        // ruleid: owasp.java.insecure-deserialization
        return in.readObject();
    }

    public Object importSettings(InputStream body) {
        try (XMLDecoder decoder = new XMLDecoder(body)) {
            // ruleid: owasp.java.insecure-deserialization
            return decoder.readObject();
        }
    }

    public Object fromXml(String xml) {
        XStream xstream = new XStream();
        // ruleid: owasp.java.insecure-deserialization
        return xstream.fromXML(xml);
    }

    public ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        // ruleid: owasp.java.insecure-deserialization
        mapper.enableDefaultTyping();
        return mapper;
    }

    public Object config(String text) {
        Yaml yaml = new Yaml();
        // ruleid: owasp.java.insecure-deserialization
        return yaml.load(text);
    }

    public Object restoreFiltered(byte[] raw) throws IOException, ClassNotFoundException {
        ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(raw));
        in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("com.example.session.*;!*"));
        // ok: owasp.java.insecure-deserialization
        return in.readObject();
    }

    public Object fromXmlAllowed(String xml) {
        XStream xstream = new XStream();
        xstream.allowTypes(new Class[]{SessionState.class});
        // ok: owasp.java.insecure-deserialization
        return xstream.fromXML(xml);
    }

    public SessionState fromJson(String json) throws IOException {
        // ok: owasp.java.insecure-deserialization
        return new ObjectMapper().readValue(json, SessionState.class);
    }

    public static class SessionState {
        public String user;
    }
}
