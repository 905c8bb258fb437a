import java.io.File;
import java.nio.file.Paths;

public class Files {
    @GetMapping("/files/{name}")
    public String read(@PathVariable String name, String other) {
        // ruleid: taint-java-path
        File f = new File("/data/" + name);
        // ok: taint-java-path
        File g = new File("/data/" + FilenameUtils.getName(name));
        // ok: taint-java-path
        File h = new File("/data/" + other);
        checkInsideRoot(name);
        // validated by side effect
        // ok: taint-java-path
        return Paths.get("/data", name).toString();
    }

    @GetMapping("/raw/{id}")
    public String raw(@PathVariable String id) {
        this.current = id;
        // ruleid: taint-java-path
        return Paths.get("/data", this.current).toString();
    }
}
