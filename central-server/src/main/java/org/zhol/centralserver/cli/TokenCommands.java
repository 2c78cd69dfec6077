// SPDX-License-Identifier: MIT
package org.zhol.centralserver.cli;

import static org.zhol.centralserver.cli.AdminClient.segment;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Admin commands for API tokens, and {@code status}. */
final class TokenCommands {

    private TokenCommands() {
    }

    @Command(name = "token", description = "Admin API tokens (needs an admin token).",
            subcommands = {TokenCreate.class, TokenList.class, TokenRevoke.class})
    static final class Token {
    }

    @Command(name = "create", description = "Issue a token; its secret is printed once.")
    static final class TokenCreate implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Option(names = "--role", defaultValue = "read-only",
                description = "admin or read-only (default: ${DEFAULT-VALUE}).")
        String role;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            var answer = s.api().post("/tokens", Map.of("name", name, "role", role));
            s.out().done(answer, "Token " + name + " (" + answer.path("role").asText()
                    + "), shown only once:\n" + answer.path("token").asText());
            return 0;
        }
    }

    @Command(name = "list", description = "List tokens, without secrets.")
    static final class TokenList implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            s.out().table(s.api().get("/tokens"), "name", "role", "createdAt", "revoked");
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke a token.")
    static final class TokenRevoke implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            s.out().done(s.api().delete("/tokens/" + segment(name)), "Revoked token " + name);
            return 0;
        }
    }

    @Command(name = "status", description = "Show the instance, registry version, counts and ports.")
    static final class Status implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            s.out().fields(s.api().get("/status"));
            return 0;
        }
    }
}
