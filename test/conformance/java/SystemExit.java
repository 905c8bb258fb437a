public class SystemExit {
    public static void main(String[] args) {
        if (args.length == 0) {
            // ok: java-system-exit
            System.exit(2);
        }
        new SystemExit().run(args[0]);
    }

    void run(String mode) {
        if ("abort".equals(mode)) {
            // ruleid: java-system-exit
            System.exit(1);
        }
    }

    static int shutdown() {
        // ruleid: java-system-exit
        System.exit(0);
        return 0;
    }

    void exitLater(Runtime rt) {
        // ok: java-system-exit
        rt.exit(0);
        // ok: java-system-exit
        Exit.exit(3);
    }

    static class Exit {
        static void exit(int code) {
        }
    }
}
