// SPDX-License-Identifier: MIT
package org.zhol.examples.operator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.zhol.centralserver.CentralServerMain;
import org.zhol.examples.demo.DemoProviderMain;
import org.zhol.examples.devtrust.DevTrustMain;
import org.zhol.securityserver.SecurityServerMain;
import picocli.CommandLine;

/**
 * The {@code ./zhol} launcher for a test that runs shell commands verbatim: a small {@code zhol} script
 * that hands each command ({@code central}, {@code security-server}, {@code devtrust},
 * {@code example demo-provider}) over a loopback socket to this JVM, which runs the same picocli command
 * line that {@code ./zhol} would start a JVM for, streams its standard output back, and hands over its
 * standard error and exit code through two files the script names. So the commands cost a fork of bash,
 * not a JVM start each, and the servers they start ({@code start} ... {@code &}) run in this JVM until
 * {@link #close()}.
 */
final class InProcessLauncher implements AutoCloseable {

    private final ServerSocket listener;
    private final Thread acceptor;
    private final List<Running> running = new ArrayList<>();

    /** A command that may still run, and how to stop it. */
    private record Running(Thread thread, Runnable stop) {
    }

    InProcessLauncher() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon().name("runbook-launcher").start(this::acceptAll);
    }

    /** Writes the {@code zhol} script into {@code dir}: its path. */
    Path writeScript(Path dir) throws IOException {
        Path script = dir.resolve("zhol");
        Files.writeString(script, """
                #!/usr/bin/env bash
                # ./zhol for RunbookTest: the command runs in the test's JVM (InProcessLauncher).
                err=$(mktemp) rc=$(mktemp)
                exec 3<>"/dev/tcp/127.0.0.1/%d"
                printf '%%s\\0' "$#" "$err" "$rc" "$@" >&3
                cat <&3
                exec 3<&-
                cat "$err" >&2
                code=$(cat "$rc")
                rm -f "$err" "$rc"
                exit "${code:-1}"
                """.formatted(listener.getLocalPort()), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread.ofPlatform().daemon().name("runbook-command").start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            int count = Integer.parseInt(next(in));
            Path errFile = Path.of(next(in));
            Path rcFile = Path.of(next(in));
            String[] args = new String[count];
            for (int i = 0; i < count; i++) {
                args[i] = next(in);
            }
            StringWriter err = new StringWriter();
            PrintWriter out = new PrintWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8),
                    true);
            int exit = run(args, out, new PrintWriter(err, true));
            out.flush();
            Files.writeString(errFile, err.toString(), StandardCharsets.UTF_8);
            Files.writeString(rcFile, Integer.toString(exit), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // the script sees no exit code and fails
        }
    }

    private int run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length == 0) {
            err.println("zhol: no command");
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        boolean start = rest.length > 0 && rest[0].equals("start");
        CommandLine cli;
        Runnable stop;
        Thread current = Thread.currentThread();
        switch (args[0]) {
            case "central" -> {
                CentralServerMain central = new CentralServerMain(CentralServerMain.extensions(Optional.empty()));
                cli = central.commandLine(rest);
                stop = central::stop;
            }
            case "security-server" -> {
                cli = SecurityServerMain.commandLine();
                stop = current::interrupt;
            }
            case "devtrust" -> {
                cli = DevTrustMain.commandLine();
                stop = current::interrupt;
                start = !Arrays.asList(rest).contains("certify");
            }
            case "example" -> {
                if (rest.length == 0 || !rest[0].equals("demo-provider")) {
                    err.println("zhol: this launcher runs only 'example demo-provider'");
                    return 2;
                }
                rest = Arrays.copyOfRange(rest, 1, rest.length);
                cli = DemoProviderMain.commandLine();
                stop = current::interrupt;
                start = true;
            }
            default -> {
                err.println("zhol: unknown command " + args[0]);
                return 2;
            }
        }
        if (start) {
            synchronized (running) {
                running.add(new Running(current, stop));
            }
        }
        return cli.setOut(out).setErr(err).execute(rest);
    }

    /** One NUL-terminated UTF-8 string. */
    private static String next(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != 0; b = in.read()) {
            if (b < 0) {
                throw new IOException("the script's request ended early");
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Stops every server the commands started, newest first, and waits for each to return. */
    @Override
    public void close() throws IOException {
        listener.close();
        List<Running> all;
        synchronized (running) {
            all = new ArrayList<>(running.reversed());
        }
        for (Running command : all) {
            command.stop().run();
            try {
                command.thread().join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        acceptor.interrupt();
    }
}
