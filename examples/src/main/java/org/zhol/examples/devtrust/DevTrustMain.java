// SPDX-License-Identifier: MIT
package org.zhol.examples.devtrust;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.zhol.protocol.cert.CertificateRole;
import org.zhol.protocol.error.ZholException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the development trust services in one process: the CA (keys in {@code --dir}), its OCSP
 * responder and the RFC 3161 TSA (keys in {@code --dir}/tsa). It prints {@code key=value} lines with
 * the CA certificate's path, the OCSP URL and the TSA URL, then runs until stopped (SIGTERM, Ctrl-C, or
 * its thread interrupted). {@code devtrust certify} has the CA in {@code --dir} certify a CSR; a running
 * responder learns of the new certificate when it is first asked about it.
 */
@Command(name = "devtrust", mixinStandardHelpOptions = true, subcommands = DevTrustMain.Certify.class,
        description = "Development CA with OCSP responder, and time-stamping authority.")
public final class DevTrustMain implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, description = "Directory for the CA and TSA keys; created on first run.")
    Path dir;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--ocsp-port", defaultValue = "8888", description = "OCSP responder port, 0 for any (default: ${DEFAULT-VALUE}).")
    int ocspPort;

    @Option(names = "--tsa-port", defaultValue = "8899", description = "TSA port, 0 for any (default: ${DEFAULT-VALUE}).")
    int tsaPort;

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** The command line; a fault prints one line ({@code devtrust: Code: detail}) and exits with 1. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DevTrustMain()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("devtrust: " + (e instanceof ZholException z ? z.code().name() + ": " + z.detail()
                    : e.toString()));
            return 1;
        });
        return cli;
    }

    @Override
    public Integer call() throws Exception {
        List<AutoCloseable> running = new ArrayList<>();
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "zhol-devtrust-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            DevCa ca = new DevCa(dir);
            ca.start();
            running.addFirst(ca);
            DevOcspResponder ocsp = new DevOcspResponder(ca, new InetSocketAddress(host, ocspPort));
            ocsp.start();
            running.addFirst(ocsp);
            DevTsa tsa = new DevTsa(dir.resolve("tsa"), new InetSocketAddress(host, tsaPort));
            tsa.start();
            running.addFirst(tsa);
            PrintWriter out = spec.commandLine().getOut();
            out.println("ca.certificate=" + dir.resolve("ca.pem").toAbsolutePath());
            out.println("ocsp.url=" + ocsp.uri());
            out.println("tsa.url=" + tsa.url());
            out.println("tsa.certificate=" + dir.resolve("tsa").resolve(DevTsaMaterial.CERT_FILE).toAbsolutePath());
            out.flush();
            stopRequested.await();
            return 0;
        } catch (InterruptedException stoppedInProcess) {
            return 0;
        } finally {
            closeAll(running, spec.commandLine().getErr());
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs now
            }
        }
    }

    private static void closeAll(List<AutoCloseable> running, PrintWriter err) {
        for (AutoCloseable service : running) {
            try {
                service.close();
            } catch (Exception e) {
                err.println("devtrust: cannot stop " + service + ": " + e);
            }
        }
        err.flush();
    }

    /** {@code devtrust certify}: the CA certifies a PEM CSR for a role; the certificate is written as PEM. */
    @Command(name = "certify", mixinStandardHelpOptions = true,
            description = "Have the dev CA in --dir certify a PEM certification request (from 'keys csr').")
    static final class Certify implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @CommandLine.ParentCommand
        DevTrustMain parent;
        @Option(names = "--csr", required = true, description = "The PEM certification request.")
        Path csr;
        @Option(names = "--role", required = true, description = "AUTH (a security server's TLS key) or SIGN "
                + "(a member's signing key).")
        String role;
        @Option(names = "--out", required = true, description = "Where to write the certificate (PEM).")
        Path out;

        @Override
        public Integer call() throws IOException {
            CertificateRole certificateRole = switch (role.toUpperCase(java.util.Locale.ROOT)) {
                case "AUTH" -> CertificateRole.AUTHENTICATION;
                case "SIGN" -> CertificateRole.SIGNING;
                default -> throw new CommandLine.ParameterException(spec.commandLine(), "--role is AUTH or SIGN");
            };
            String pem = Files.readString(csr, StandardCharsets.US_ASCII);
            PKCS10CertificationRequest request = new PKCS10CertificationRequest(Base64.getMimeDecoder().decode(
                    pem.replaceAll("-----[A-Z ]+-----", "").strip()));
            DevCa ca = new DevCa(parent.dir);
            ca.start();
            X509Certificate issued = ca.issue(request, certificateRole);
            Files.writeString(out, pem(issued), StandardCharsets.US_ASCII);
            spec.commandLine().getOut().println("certified " + issued.getSubjectX500Principal().getName() + " ("
                    + role.toUpperCase(java.util.Locale.ROOT) + ", serial " + issued.getSerialNumber().toString(16)
                    + ") into " + out);
            spec.commandLine().getOut().flush();
            return 0;
        }

        private static String pem(X509Certificate certificate) {
            try {
                return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
