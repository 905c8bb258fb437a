import java.io.File;
import java.io.IOException;

public class CommandExec {
    interface Shell {
        Process exec(String cmd);
    }

    public void ping(String host) throws IOException {
        // ruleid: java-command-exec
        Runtime.getRuntime().exec("ping -c 1 " + host);
    }

    public void withEnv(String cmd, String[] envp, File dir) throws IOException {
        // ruleid: java-command-exec
        Process p = Runtime.getRuntime().exec(cmd, envp, dir);
    }

    public void viaLocal(String userCmd) throws IOException {
        Runtime rt = Runtime.getRuntime();
        System.out.println("about to run");
        // ruleid: java-command-exec
        rt.exec(userCmd);
        // ok: java-command-exec
        rt.exec("uptime");
    }

    public void constant() throws IOException {
        // ok: java-command-exec
        Runtime.getRuntime().exec("uptime");
    }

    public void notRuntime(Shell shell, String cmd) {
        // ok: java-command-exec
        shell.exec(cmd);
    }

    public void vetted(String adminCmd) throws IOException {
        // ok: java-command-exec
        Runtime.getRuntime().exec(adminCmd); // moat-ignore: java-command-exec admin console, command comes from a fixed allow-list
    }
}
