// SPDX-License-Identifier: MIT
package org.zhol.protocol.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.evidence.ArchiveIndex;
import org.zhol.protocol.evidence.ContainerLimits;
import org.zhol.protocol.evidence.TrustSnapshot;
import org.zhol.protocol.log.ConsistencyProofCodec;
import org.zhol.protocol.log.SignedCheckpoint;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zhol verify}: the auditor's offline verifier (evidence.md §5). Run it from the self-contained
 * jar: {@code java -jar protocol-spec-VERSION-verifier.jar verify FILE... --trust SNAPSHOT [--json]}.
 * Exit status 0 when every file verified, 1 when one did not (the first failed check of each is
 * named), 2 for a usage error or an unreadable file.
 */
@Command(name = "zhol", mixinStandardHelpOptions = true, subcommands = ZholVerifyMain.Verify.class,
        description = "Zhol's offline tools for auditors.")
public final class ZholVerifyMain {

    private ZholVerifyMain() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the command line, printing to {@code out} and {@code err}; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new ZholVerifyMain());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            err.println("zhol verify: " + (e instanceof ZholException z ? z.faultCode() + ": " + z.detail()
                    : e.getMessage()));
            return 2;
        });
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** The {@code verify} subcommand. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verifies evidence containers and archives offline against a trust snapshot, or the"
                    + " consistency of two signed checkpoints of one log.",
                    "Exit status: 0 all verified, 1 a check failed, 2 usage or I/O error."})
    static final class Verify implements Callable<Integer> {

        @Parameters(arity = "0..*", paramLabel = "FILE",
                description = "Evidence containers (.asice) or archives; archives of one log in their order.")
        List<Path> files = new ArrayList<>();

        @Option(names = "--trust", required = true, paramLabel = "SNAPSHOT", description = "The trust snapshot file.")
        Path trust;

        @Option(names = "--json", description = "Print one JSON document instead of text.")
        boolean json;

        @Option(names = "--consistency", arity = "2", paramLabel = "CHECKPOINT",
                description = "Two signed checkpoints of one log, earlier first (with --proof).")
        List<Path> consistency = new ArrayList<>();

        @Option(names = "--proof", paramLabel = "PROOF", description = "The consistency proof between them.")
        Path proof;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (files.isEmpty() && consistency.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Give FILEs or --consistency");
            }
            if (!consistency.isEmpty() && proof == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--consistency needs --proof");
            }
            EvidenceVerifier verifier = new EvidenceVerifier(TrustSnapshot.decode(Files.readAllBytes(trust)),
                    ContainerLimits.DEFAULT);
            List<Verdict> verdicts = new ArrayList<>();
            Optional<byte[]> previousArchive = Optional.empty();
            for (Path file : files) {
                if (isArchive(file)) {
                    Verdict verdict;
                    try (InputStream in = Files.newInputStream(file)) {
                        verdict = verifier.verifyArchive(file.toString(), in, previousArchive);
                    }
                    previousArchive = Optional.ofNullable(verdict.facts().get("sha256")).map(Base64.getDecoder()::decode);
                    verdicts.add(verdict);
                } else {
                    try (InputStream in = Files.newInputStream(file)) {
                        verdicts.add(verifier.verify(file.toString(), in));
                    }
                }
            }
            if (!consistency.isEmpty()) {
                verdicts.add(verifier.verifyConsistency(consistency.get(0) + " -> " + consistency.get(1),
                        SignedCheckpoint.decode(Files.readAllBytes(consistency.get(0))),
                        SignedCheckpoint.decode(Files.readAllBytes(consistency.get(1))),
                        ConsistencyProofCodec.decode(Files.readAllBytes(proof))));
            }
            print(verdicts);
            return verdicts.stream().allMatch(Verdict::passed) ? 0 : 1;
        }

        private void print(List<Verdict> verdicts) {
            PrintWriter out = spec.commandLine().getOut();
            boolean passed = verdicts.stream().allMatch(Verdict::passed);
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                ObjectNode root = mapper.createObjectNode().put("result", passed ? "PASS" : "FAIL")
                        .put("trustSnapshot", trust.toString());
                ArrayNode list = root.putArray("verdicts");
                verdicts.forEach(v -> list.add(v.toJson(mapper)));
                out.println(root.toString());
            } else {
                verdicts.forEach(v -> out.print(v.toText()));
                out.println(passed ? "All " + verdicts.size() + " verified." : "Verification FAILED.");
            }
        }

        /** An archive's stored mimetype starts right after its 30-byte local header and 8-byte name. */
        private static boolean isArchive(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] head = in.readNBytes(38 + ArchiveIndex.MIME_TYPE.length());
                return head.length == 38 + ArchiveIndex.MIME_TYPE.length() && new String(head, 38,
                        ArchiveIndex.MIME_TYPE.length(), StandardCharsets.US_ASCII).equals(ArchiveIndex.MIME_TYPE);
            }
        }
    }
}
