// SPDX-License-Identifier: MIT
package org.zhol.examples.devtrust;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the development trust services in one process:
 * {@code java -cp ... org.zhol.examples.devtrust.DevTrustMain --dir DIR [--ocsp-port N] [--host H]}.
 *
 * <ul>
 *   <li>{@code --dir}: the CA's directory, created on first run (required);</li>
 *   <li>{@code --ocsp-port}: the OCSP responder's port, 0 for any free one (default 8888);</li>
 *   <li>{@code --host}: the address to listen on (default 127.0.0.1).</li>
 * </ul>
 * It prints the CA certificate's path and the OCSP URL, then runs until interrupted.
 */
public final class DevTrustMain {

    private DevTrustMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("devtrust: " + e.getMessage());
            System.err.println("usage: DevTrustMain --dir DIR [--ocsp-port N] [--host H]");
            System.exit(2);
            return;
        }
        List<AutoCloseable> running = new ArrayList<>();
        DevCa ca = new DevCa(options.dir());
        ca.start();
        running.add(ca);
        DevOcspResponder ocsp = new DevOcspResponder(ca, new InetSocketAddress(options.host(), options.ocspPort()));
        ocsp.start();
        running.addFirst(ocsp);
        // TSA: the RFC 3161 time-stamping authority joins here, e.g.
        //   DevTsa tsa = new DevTsa(...);  tsa.start();  running.addFirst(tsa);
        //   System.out.println("tsa.url=http://" + options.host() + ":" + tsa.port() + "/");
        System.out.println("ca.certificate=" + options.dir().resolve("ca.pem").toAbsolutePath());
        System.out.println("ocsp.url=" + ocsp.uri());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(running)));
        Thread.currentThread().join();
    }

    private static void closeAll(List<AutoCloseable> running) {
        for (AutoCloseable service : running) {
            try {
                service.close();
            } catch (Exception e) {
                System.err.println("devtrust: cannot stop " + service + ": " + e);
            }
        }
    }

    /** The command line, parsed. */
    record Options(Path dir, int ocspPort, String host) {

        static Options parse(String[] args) {
            Path dir = null;
            int port = 8888;
            String host = "127.0.0.1";
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--dir" -> dir = Path.of(required(args[i], value));
                    case "--ocsp-port" -> port = Integer.parseInt(required(args[i], value));
                    case "--host" -> host = required(args[i], value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (dir == null) {
                throw new IllegalArgumentException("--dir is required");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--ocsp-port must be 0 to 65535");
            }
            return new Options(dir, port, host);
        }

        private static String required(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }
}
