import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;

public class UnsafeDeserialization {
    interface JsonReader {
        Object readObject();
    }

    public Object plain(InputStream in) throws Exception {
        ObjectInputStream ois = new ObjectInputStream(in);
        // ruleid: java-unsafe-deserialization
        return ois.readObject();
    }

    public Object assignedLater(InputStream in) throws Exception {
        ObjectInputStream ois;
        ois = new ObjectInputStream(in);
        // ruleid: java-unsafe-deserialization
        Object o = ois.readObject();
        return o;
    }

    public Object filtered(InputStream in, ObjectInputFilter filter) throws Exception {
        ObjectInputStream ois = new ObjectInputStream(in);
        ois.setObjectInputFilter(filter);
        // ok: java-unsafe-deserialization
        return ois.readObject();
    }

    public Object filterOnOtherStream(InputStream in, ObjectInputStream other, ObjectInputFilter filter) throws Exception {
        ObjectInputStream ois = new ObjectInputStream(in);
        other.setObjectInputFilter(filter);
        // ruleid: java-unsafe-deserialization
        return ois.readObject();
    }

    public Object notObjectStream(JsonReader reader) {
        // ok: java-unsafe-deserialization
        return reader.readObject();
    }

    public Object otherStream(InputStream in, ObjectInputStream given) throws Exception {
        ObjectInputStream ois = new ObjectInputStream(in);
        // ok: java-unsafe-deserialization
        return given.readObject();
    }
}
