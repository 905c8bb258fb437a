import java.util.*;

public class Tool {
    public static void main(String[] args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("ls");
        cmd.add(args[0]);
        // list filled from the command line
        // ruleid: taint-java-cmd
        new ProcessBuilder(cmd).start();
        List<String> fixed = new ArrayList<>();
        fixed.add("ls");
        // ok: taint-java-cmd
        new ProcessBuilder(fixed).start();
        for (String a : args) {
            // loop variable over a tainted array
            // ruleid: taint-java-cmd
            Runtime.getRuntime().exec(a);
        }
        Map<String, String> env = new HashMap<>();
        env.put("dir", System.getenv("DIR"));
        // ruleid: taint-java-cmd
        Runtime.getRuntime().exec("ls " + env.get("dir"));
        String[] parts = {"echo", System.getenv("MSG")};
        // array initializer with a tainted element
        // ruleid: taint-java-cmd
        Runtime.getRuntime().exec(parts);
        String tool = args.length > 1 ? "git" : "hg";
        // the condition reads args, the value is a constant
        // ok: taint-java-cmd
        Runtime.getRuntime().exec(tool);
    }

    void other(String[] args) throws Exception {
        // not main: args is not a source here
        // ok: taint-java-cmd
        Runtime.getRuntime().exec(args);
    }
}
