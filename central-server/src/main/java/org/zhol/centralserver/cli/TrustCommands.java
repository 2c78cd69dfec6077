// SPDX-License-Identifier: MIT
package org.zhol.centralserver.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Admin commands for approved CAs and TSAs and the trust parameters. */
final class TrustCommands {

    private TrustCommands() {
    }

    static String pem(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new CliFailure("Cannot read " + file + ": " + e.getMessage());
        }
    }

    @Command(name = "ca", description = "Approved certification authorities.", subcommands = {CaAdd.class, CaList.class})
    static final class Ca {
    }

    @Command(name = "add", description = "Approve a CA from PEM (or base64 DER) files.")
    static final class CaAdd implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;
        @Option(names = "--name", required = true) String name;
        @Option(names = "--cert", required = true, description = "The top (root) certificate file.") Path cert;
        @Option(names = "--intermediate", description = "An intermediate CA certificate file; repeatable.")
        List<Path> intermediates = new ArrayList<>();
        @Option(names = "--ocsp-url", description = "An OCSP responder URL; repeatable, in preference order.")
        List<String> ocspUrls = new ArrayList<>();
        @Option(names = "--profile", required = true, description = "The certificate profile id.") String profile;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("certificate", pem(cert));
            body.put("intermediates", intermediates.stream().map(TrustCommands::pem).toList());
            body.put("ocspResponders", ocspUrls.stream().map(u -> Map.of("url", u)).toList());
            body.put("certificateProfile", profile);
            var answer = s.api().post("/cas", body);
            s.out().done(answer, "Approved CA " + name + " (" + answer.path("topCertificate").path("subject").asText()
                    + ")");
            return 0;
        }
    }

    @Command(name = "list", description = "List approved CAs.")
    static final class CaList implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            s.out().table(s.api().get("/cas"), "name", "topCertificate.subject", "topCertificate.notAfter",
                    "certificateProfile");
            return 0;
        }
    }

    @Command(name = "tsa", description = "Approved time-stamping authorities.", subcommands = {TsaAdd.class, TsaList.class})
    static final class Tsa {
    }

    @Command(name = "add", description = "Approve a TSA.")
    static final class TsaAdd implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;
        @Option(names = "--name", required = true) String name;
        @Option(names = "--tsa-url", required = true, description = "The TSA's RFC 3161 URL.") String url;
        @Option(names = "--cert", required = true, description = "The TSA certificate file (PEM).") Path cert;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            var answer = s.api().post("/tsas", Map.of("name", name, "url", url, "certificate", pem(cert)));
            s.out().done(answer, "Approved TSA " + name + " at " + url);
            return 0;
        }
    }

    @Command(name = "list", description = "List approved TSAs in preference order.")
    static final class TsaList implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            s.out().table(s.api().get("/tsas"), "name", "url", "certificate.subject");
            return 0;
        }
    }

    @Command(name = "params", description = "Trust parameters.", subcommands = {ParamsSet.class, ParamsShow.class})
    static final class Params {
    }

    @Command(name = "set", description = "Change trust parameters (seconds); options left out keep their value.")
    static final class ParamsSet implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;
        @Option(names = "--ocsp-freshness") Long ocspFreshness;
        @Option(names = "--timestamping-interval") Long timestampingInterval;
        @Option(names = "--configuration-expiry") Long configurationExpiry;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ocspFreshnessSeconds", ocspFreshness);
            body.put("timestampingIntervalSeconds", timestampingInterval);
            body.put("configurationExpirySeconds", configurationExpiry);
            body.values().removeIf(v -> v == null);
            s.out().fields(s.api().put("/trust-parameters", body));
            return 0;
        }
    }

    @Command(name = "show", description = "Show the trust parameters.")
    static final class ParamsShow implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            s.out().fields(s.api().get("/trust-parameters"));
            return 0;
        }
    }
}
