// SPDX-License-Identifier: MIT
package org.zhol.examples.devtrust;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the development trust services in one process: the CA (keys in {@code --dir}), its OCSP
 * responder and the RFC 3161 TSA (keys in {@code --dir}/tsa). It prints {@code key=value} lines with
 * the CA certificate's path, the OCSP URL and the TSA URL, then runs until stopped.
 */
@Command(name = "devtrust", mixinStandardHelpOptions = true,
        description = "Development CA with OCSP responder, and time-stamping authority.")
public final class DevTrustMain implements Callable<Integer> {

    @Option(names = "--dir", required = true, description = "Directory for the CA and TSA keys; created on first run.")
    Path dir;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--ocsp-port", defaultValue = "8888", description = "OCSP responder port, 0 for any (default: ${DEFAULT-VALUE}).")
    int ocspPort;

    @Option(names = "--tsa-port", defaultValue = "8899", description = "TSA port, 0 for any (default: ${DEFAULT-VALUE}).")
    int tsaPort;

    public static void main(String[] args) {
        int exit = new CommandLine(new DevTrustMain()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() throws Exception {
        List<AutoCloseable> running = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(running)));
        DevCa ca = new DevCa(dir);
        ca.start();
        running.addFirst(ca);
        DevOcspResponder ocsp = new DevOcspResponder(ca, new InetSocketAddress(host, ocspPort));
        ocsp.start();
        running.addFirst(ocsp);
        DevTsa tsa = new DevTsa(dir.resolve("tsa"), new InetSocketAddress(host, tsaPort));
        tsa.start();
        running.addFirst(tsa);
        System.out.println("ca.certificate=" + dir.resolve("ca.pem").toAbsolutePath());
        System.out.println("ocsp.url=" + ocsp.uri());
        System.out.println("tsa.url=" + tsa.url());
        System.out.flush();
        Thread.currentThread().join();
        return 0;
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
}
