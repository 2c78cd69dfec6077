// SPDX-License-Identifier: MIT
package org.zhol.securityserver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keys list|generate|csr|import}: the token's keys and their certificates. */
@Command(name = "keys", description = "Keys and certificates of the token.",
        subcommands = {KeysCommand.ListKeys.class, KeysCommand.Generate.class, KeysCommand.Csr.class,
            KeysCommand.Import.class})
public final class KeysCommand {

    static void printKey(PrintWriter out, JsonNode key) {
        out.printf("%s %-4s %-20s %s%n", key.path("keyId").asText(), key.path("role").asText(),
                key.path("member").isNull() ? "-" : key.path("member").asText(), key.path("label").asText());
        key.path("certificates").forEach(c -> out.printf("    certificate %s (issuer %s, until %s, sha256 %s)%n",
                c.path("subject").asText(), c.path("issuer").asText(), c.path("notAfter").asText(),
                c.path("sha256").asText()));
    }

    /** {@code keys list}. */
    @Command(name = "list", description = "List the keys and their certificates.")
    static final class ListKeys implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return admin.print(admin.client().get("/keys"), out, spec.commandLine().getErr(), body -> {
                body.forEach(key -> printKey(out, key));
                if (body.isEmpty()) {
                    out.println("no keys");
                }
            });
        }
    }

    /** {@code keys generate --role AUTH|SIGN [--member M] [--label L]}. */
    @Command(name = "generate", description = "Generate a key on the token.")
    static final class Generate implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Option(names = "--role", required = true, description = "AUTH (the server's TLS key) or SIGN (a member's).")
        String role;
        @Option(names = "--member", description = "The member a SIGN key signs for: INSTANCE/CLASS/CODE.")
        String member;
        @Option(names = "--label", defaultValue = "", description = "A label for people.")
        String label;

        @Override
        public Integer call() {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("role", role);
            if (member != null) {
                body.put("member", member);
            }
            body.put("label", label);
            PrintWriter out = spec.commandLine().getOut();
            return admin.print(admin.client().post("/keys", AdminOptions.toJson(body)), out,
                    spec.commandLine().getErr(), key -> {
                        out.print("generated ");
                        printKey(out, key);
                    });
        }
    }

    /** {@code keys csr KEY --subject DN [--out FILE]}. */
    @Command(name = "csr", description = "Make a certification request (PEM) for a key.")
    static final class Csr implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "KEY", description = "The key id.")
        String keyId;
        @Option(names = "--subject", required = true, description = "The subject DN, e.g. 'CN=ss1, O=GOV, C=EE'.")
        String subject;
        @Option(names = "--out", description = "Write the PEM to this file instead of printing it.")
        Path outFile;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            var response = admin.client().post("/keys/" + AdminClient.segment(keyId) + "/csr",
                    AdminOptions.toJson(Map.of("subject", subject)));
            return admin.print(response, out, spec.commandLine().getErr(), body -> {
                String pem = body.path("csr").asText();
                if (outFile == null) {
                    out.print(pem);
                    return;
                }
                try {
                    Files.writeString(outFile, pem);
                } catch (IOException e) {
                    throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot write " + outFile, e);
                }
                out.println("wrote " + outFile);
            });
        }
    }

    /** {@code keys import FILE}: a certificate, PEM or DER. */
    @Command(name = "import", description = "Import a key's certificate (PEM or DER file).")
    static final class Import implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "FILE", description = "The certificate.")
        Path file;

        @Override
        public Integer call() throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.US_ASCII);
            String certificate = text.contains("-----BEGIN") ? text : Base64.getEncoder().encodeToString(bytes);
            PrintWriter out = spec.commandLine().getOut();
            return admin.print(admin.client().post("/certificates", AdminOptions.toJson(Map.of("certificate",
                    certificate))), out, spec.commandLine().getErr(), key -> {
                        out.print("imported the certificate of ");
                        printKey(out, key);
                    });
        }
    }
}
