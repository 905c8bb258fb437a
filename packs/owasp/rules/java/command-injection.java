package com.example.tools;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;

public class ImageTools {
    private static final String BACKUP_CMD = "/usr/local/bin/backup --all";

    public Process thumbnail(HttpServletRequest request) throws IOException {
        String name = request.getParameter("name");
        // ruleid: owasp.java.command-injection
        return Runtime.getRuntime().exec("convert uploads/" + name + " -resize 128x128 thumbs/out.png");
    }

    public Process ping(String host) throws IOException {
        // ruleid: owasp.java.command-injection
        return new ProcessBuilder("sh", "-c", "ping -c 1 " + host).start();
    }

    public Process archive(String dir) throws IOException {
        // ruleid: owasp.java.command-injection
        String[] cmd = new String[]{"/bin/bash", "-c", "tar -czf /tmp/out.tgz " + dir};
        return Runtime.getRuntime().exec(cmd);
    }

    public Process thumbnailSafe(String name) throws IOException {
        // ok: owasp.java.command-injection
        return new ProcessBuilder("convert", "uploads/" + name, "-resize", "128x128", "thumbs/out.png").start();
    }

    public Process backup() throws IOException {
        // ok: owasp.java.command-injection
        Runtime.getRuntime().exec(BACKUP_CMD);
        // ok: owasp.java.command-injection
        return Runtime.getRuntime().exec(new String[]{"uptime"});
    }
}

class ScriptRunner {
    Process run(String script) throws java.io.IOException {
        // ruleid: owasp.java.command-injection
        return Runtime.getRuntime().exec(script);
    }

    Process argv(String file) throws java.io.IOException {
        String[] argv = {"gzip", "-k", file};
        // ok: owasp.java.command-injection
        return Runtime.getRuntime().exec(argv);
    }

    Process plugin(Shell shell, String cmd) {
        // a project class with an exec method, not java.lang.Runtime
        // ok: owasp.java.command-injection
        return shell.exec(cmd);
    }

    interface Shell {
        Process exec(String cmd);
    }
}
