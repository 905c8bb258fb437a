import java.io.*;
import java.net.Socket;

public class Receiver {
    Object receive(Socket socket) throws Exception {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        // ruleid: taint-java-propagator
        ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(buf.toByteArray()));
        ByteArrayOutputStream local = new ByteArrayOutputStream();
        new FileInputStream("trusted.bin").transferTo(local);
        // ok: taint-java-propagator
        ObjectInputStream ok = new ObjectInputStream(new ByteArrayInputStream(local.toByteArray()));
        // directly from the socket
        // ruleid: taint-java-propagator
        return new ObjectInputStream(socket.getInputStream()).readObject();
    }
}
