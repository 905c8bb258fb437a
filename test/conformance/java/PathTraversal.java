import java.io.File;
import java.io.FileInputStream;
import java.io.RandomAccessFile;
import javax.servlet.http.HttpServletRequest;
import org.apache.commons.io.FilenameUtils;

public class PathTraversal {
    private final File baseDir = new File("/var/data");

    public void handle(HttpServletRequest request) throws Exception {
        // ruleid: java-path-traversal
        File f = new File("/var/data/" + request.getParameter("name"));
        // ruleid: java-path-traversal
        FileInputStream in = new FileInputStream(request.getParameter("path"));
        // ruleid: java-path-traversal
        File child = new File(baseDir, request.getParameter("file").trim());
        // ruleid: java-path-traversal
        RandomAccessFile raf = new RandomAccessFile(normalize(request.getParameter("db")), "r");
        // ok: java-path-traversal
        File fixed = new File("/var/data/static.txt");
        // ok: java-path-traversal
        StringBuilder echo = new StringBuilder(request.getParameter("q"));
        // ok: java-path-traversal
        File safe = new File(baseDir, FilenameUtils.getName(request.getParameter("file")));
        // ok: java-path-traversal
        File header = new File(request.getHeader("X-File"));
    }

    private String normalize(String p) {
        return p.replace("\\", "/");
    }
}
