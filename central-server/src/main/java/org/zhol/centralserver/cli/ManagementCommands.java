// SPDX-License-Identifier: MIT
package org.zhol.centralserver.cli;

import static org.zhol.centralserver.cli.AdminClient.segment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Admin commands for management requests ({@code requests}), the anchor ({@code anchor export}), the
 * signing keys ({@code keys}), publishing ({@code configuration publish}) and the registration TLS
 * certificate ({@code registration-tls}).
 */
final class ManagementCommands {

    private static final String[] REQUEST_COLUMNS = {"id", "type", "server", "subject", "state", "receivedAt",
        "decidedBy"};

    private ManagementCommands() {
    }

    /** Posts one decision ({@code approve}, {@code reject}, {@code revoke}) on a request and reports it. */
    private static int decide(CommandSpec spec, AdminOptions admin, String id, String decision, String reason,
            String done) {
        Session s = Session.of(spec, admin);
        s.out().done(s.api().post("/requests/" + segment(id) + "/" + decision,
                reason == null ? null : Map.of("reason", reason)), done + id);
        return 0;
    }

    @Command(name = "requests", description = "Management requests from security servers.",
            subcommands = {RequestList.class, RequestShow.class, RequestApprove.class, RequestReject.class,
                RequestRevoke.class})
    static final class Requests {
    }

    @Command(name = "list", description = "List requests, oldest first.")
    static final class RequestList implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;
        @Option(names = "--state", description = "pending, approved, rejected or revoked") String state;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            s.out().table(s.api().get("/requests" + (state == null ? "" : "?state=" + segment(state))),
                    REQUEST_COLUMNS);
            return 0;
        }
    }

    @Command(name = "show", description = "Show one request.")
    static final class RequestShow implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID") String id;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            s.out().fields(s.api().get("/requests/" + segment(id)));
            return 0;
        }
    }

    @Command(name = "approve", description = "Approve a pending request; it is applied at once.")
    static final class RequestApprove implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID") String id;

        @Override
        public Integer call() {
            return decide(spec, admin, id, "approve", null, "Approved ");
        }
    }

    @Command(name = "reject", description = "Reject a pending request.")
    static final class RequestReject implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Option(names = "--reason", description = "Why; recorded with the decision.") String reason;

        @Override
        public Integer call() {
            return decide(spec, admin, id, "reject", reason, "Rejected ");
        }
    }

    @Command(name = "revoke", description = "Revoke (withdraw) a pending request.")
    static final class RequestRevoke implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Option(names = "--reason", description = "Why; recorded with the decision.") String reason;

        @Override
        public Integer call() {
            return decide(spec, admin, id, "revoke", reason, "Revoked ");
        }
    }

    @Command(name = "anchor", description = "The configuration anchor.", subcommands = AnchorExport.class)
    static final class Anchor {
    }

    @Command(name = "export", description = "Write the current anchor.json to a file.")
    static final class AnchorExport implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;
        @Option(names = "--out", required = true, paramLabel = "FILE") Path out;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            byte[] anchor = s.api().getBytes("/anchor");
            try {
                Files.write(out, anchor);
            } catch (IOException e) {
                throw new CliFailure("Cannot write " + out + ": " + e.getMessage());
            }
            spec.commandLine().getOut().println("Wrote the anchor to " + out);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "keys", description = "Configuration signing keys and their rotation.",
            subcommands = {KeyList.class, KeyFuture.class, KeyActivate.class})
    static final class Keys {
    }

    @Command(name = "list", description = "List the signing keys and their states.")
    static final class KeyList implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            s.out().table(s.api().get("/keys"), "number", "state", "stateSince", "listedUntil", "sha256");
            return 0;
        }
    }

    @Command(name = "future", description = "Generate the next key; it is published from the next generation.")
    static final class KeyFuture implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            var key = s.api().post("/keys/future", null);
            s.out().done(key, "Key " + key.path("number").asText() + " is FUTURE");
            return 0;
        }
    }

    @Command(name = "activate", description = "Make the FUTURE key ACTIVE; the old one is RETIRED.")
    static final class KeyActivate implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            var key = s.api().post("/keys/activate", null);
            s.out().done(key, "Key " + key.path("number").asText() + " is ACTIVE");
            return 0;
        }
    }

    @Command(name = "configuration", description = "The published configuration.", subcommands = Publish.class)
    static final class Configuration {
    }

    @Command(name = "publish", description = "Publish a generation now.")
    static final class Publish implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            var generation = s.api().post("/configuration/publish", null);
            s.out().done(generation, "Published generation " + generation.path("generation").asText());
            return 0;
        }
    }

    @Command(name = "registration-tls", description = "Show the registration listener's TLS certificate to pin.")
    static final class RegistrationTls implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            s.out().fields(s.api().get("/registration-tls"));
            return 0;
        }
    }
}
