// SPDX-License-Identifier: MIT
package org.zhol.securityserver.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code anchor import FILE}: install the configuration anchor exported by the central server. */
@Command(name = "anchor", description = "The configuration anchor.", subcommands = AnchorCommand.Import.class)
public final class AnchorCommand {

    /** {@code anchor import FILE}. */
    @Command(name = "import", description = "Import an anchor file (anchor.json); the configuration is downloaded at once.")
    static final class Import implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "FILE", description = "The anchor file.")
        Path file;

        @Override
        public Integer call() throws IOException {
            String anchor = Files.readString(file, StandardCharsets.UTF_8);
            PrintWriter out = spec.commandLine().getOut();
            return admin.print(admin.client().post("/anchor", anchor), out, spec.commandLine().getErr(), body -> {
                out.println("imported the anchor of instance " + body.path("instance").asText() + " ("
                        + body.path("signingCertificates").asInt() + " signing certificate(s))");
                JsonNodes.configuration(out, body.path("configuration"));
            });
        }
    }
}
