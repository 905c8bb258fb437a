package com.example.files;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.http.HttpServletRequest;
import org.apache.commons.io.FilenameUtils;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class FileController {
    private static final Path UPLOADS = Paths.get("/srv/app/uploads");

    @GetMapping("/files")
    public byte[] download(@RequestParam String name) throws IOException {
        // ruleid: owasp.java.path-traversal
        return Files.readAllBytes(UPLOADS.resolve(name));
    }

    public byte[] legacy(HttpServletRequest request) throws IOException {
        String name = request.getParameter("file");
        // ruleid: owasp.java.path-traversal
        try (FileInputStream in = new FileInputStream("/srv/app/uploads/" + name)) {
            return in.readAllBytes();
        }
    }

    @DeleteMapping("/files/{name}")
    public boolean delete(@PathVariable("name") String name) {
        // ruleid: owasp.java.path-traversal
        return new File(UPLOADS.toFile(), name).delete();
    }

    @GetMapping("/safe/files")
    public byte[] downloadSafe(@RequestParam String name) throws IOException {
        String base = FilenameUtils.getName(name);
        // ok: owasp.java.path-traversal
        return Files.readAllBytes(UPLOADS.resolve(base));
    }

    @GetMapping("/manual")
    public byte[] manual() throws IOException {
        // ok: owasp.java.path-traversal
        return Files.readAllBytes(UPLOADS.resolve("manual.pdf"));
    }
}
