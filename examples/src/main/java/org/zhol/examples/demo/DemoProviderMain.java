// SPDX-License-Identifier: MIT
package org.zhol.examples.demo;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./zhol example demo-provider}: the demo register's information system on its own, for a
 * federation set up by hand (examples/operator). Runs until SIGTERM, Ctrl-C or its thread is interrupted.
 */
@Command(name = "demo-provider", mixinStandardHelpOptions = true,
        description = "The demo population register: REST /persons (OpenAPI) and SOAP getPerson (WSDL).")
public final class DemoProviderMain implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;
    @Option(names = "--port", defaultValue = "9000", description = "Port, 0 for any (default: ${DEFAULT-VALUE}).")
    int port;

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** The command line. */
    public static CommandLine commandLine() {
        return new CommandLine(new DemoProviderMain());
    }

    @Override
    public Integer call() {
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "zhol-demo-provider-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (DemoProvider provider = new DemoProvider(PersonDirectory.defaults(Clock.systemUTC()), host, port).start()) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("demo provider on http://" + host + ":" + provider.port() + "/ (REST /persons, SOAP /soap); "
                    + provider.directory().size() + " persons, the first " + PersonDirectory.FIRST_ID);
            out.flush();
            stopRequested.await();
        } catch (InterruptedException stoppedInProcess) {
            Thread.currentThread().interrupt();
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs now
            }
        }
        return 0;
    }
}
