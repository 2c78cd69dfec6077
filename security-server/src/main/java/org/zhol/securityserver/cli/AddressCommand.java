// SPDX-License-Identifier: MIT
package org.zhol.securityserver.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code address set ADDRESS}: change the address registered at the central server. */
@Command(name = "address", description = "This server's registered address.", subcommands = AddressCommand.Set.class)
public final class AddressCommand {

    /** {@code address set ADDRESS}. */
    @Command(name = "set", description = "Ask the central server to register a new address (host[:port]).")
    static final class Set implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ADDRESS", description = "host[:port]")
        String address;

        @Override
        public Integer call() {
            return RegisterCommand.printSent(admin, admin.client().put("/registration/address",
                    AdminOptions.toJson(Map.of("address", address))), spec);
        }
    }
}
