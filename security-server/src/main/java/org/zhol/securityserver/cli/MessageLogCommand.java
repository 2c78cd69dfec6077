// SPDX-License-Identifier: MIT
package org.zhol.securityserver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code messagelog status|checkpoints|checkpoint|sign-checkpoint|stamp|records|inclusion|consistency|export
 * |trust-snapshot|archive}: the message log's state, proofs, evidence and archives.
 */
@Command(name = "messagelog", description = "The message log: checkpoints, proofs and evidence containers.",
        subcommands = {MessageLogCommand.Status.class, MessageLogCommand.Checkpoints.class,
            MessageLogCommand.Checkpoint.class, MessageLogCommand.SignCheckpoint.class, MessageLogCommand.Stamp.class,
            MessageLogCommand.Records.class, MessageLogCommand.Inclusion.class, MessageLogCommand.Consistency.class,
            MessageLogCommand.Export.class, MessageLogCommand.TrustSnapshot.class, MessageLogCommand.Archive.class})
public final class MessageLogCommand {

    private MessageLogCommand() {
    }

    static void printCheckpoint(PrintWriter out, JsonNode c) {
        out.printf("checkpoint %s root %s at %s%n", c.path("treeSize").asText(), c.path("rootHash").asText(),
                c.path("time").asText());
    }

    /** Writes text or bytes to {@code file}, or the text to standard output when there is no file. */
    static void save(PrintWriter out, Path file, byte[] bytes) {
        if (file == null) {
            out.print(new String(bytes, StandardCharsets.UTF_8));
            out.flush();
            return;
        }
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot write " + file, e);
        }
        out.println("wrote " + file);
    }

    /** {@code messagelog status}. */
    @Command(name = "status", description = "Size, time-stamping state and latest checkpoint of the log.")
    static final class Status implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return admin.print(admin.client().get("/messagelog"), out, spec.commandLine().getErr(), s -> {
                out.printf("log %s: %s records, %s time-stamped%n", s.path("logId").asText(), s.path("size").asText(),
                        s.path("stampedSize").asText());
                if (!s.path("oldestUnstamped").isNull()) {
                    out.println("oldest unstamped record logged at " + s.path("oldestUnstamped").asText());
                }
                if (s.path("latestCheckpoint").isObject()) {
                    printCheckpoint(out, s.path("latestCheckpoint"));
                }
                for (String job : new String[] {"checkpointing", "timestamping", "renewal", "archiving"}) {
                    JsonNode error = s.path(job).path("lastError");
                    if (error.isObject()) {
                        out.printf("%s failed at %s: %s: %s%n", job, error.path("at").asText(),
                                error.path("code").asText(), error.path("detail").asText());
                    }
                }
            });
        }
    }

    /** {@code messagelog checkpoints [--before N] [--limit N]}. */
    @Command(name = "checkpoints", description = "List the signed checkpoints, largest first.")
    static final class Checkpoints implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Option(names = "--before", description = "Only checkpoints of a smaller tree size.")
        Long before;
        @Option(names = "--limit", defaultValue = "20", description = "At most this many (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            String query = "?limit=" + limit + (before == null ? "" : "&before=" + before);
            return admin.print(admin.client().get("/messagelog/checkpoints" + query), out, spec.commandLine().getErr(),
                    list -> list.forEach(c -> printCheckpoint(out, c)));
        }
    }

    /** {@code messagelog checkpoint SIZE [--out FILE]}: one signed checkpoint, for {@code zhol verify}. */
    @Command(name = "checkpoint", description = "Print or save the signed checkpoint of a tree size.")
    static final class Checkpoint implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "SIZE", description = "The tree size.")
        long size;
        @Option(names = "--out", description = "Save the signed checkpoint to this file.")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return admin.print(admin.client().get("/messagelog/checkpoints/" + size), out, spec.commandLine().getErr(),
                    c -> save(out, file, c.path("signed").asText().getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** {@code messagelog sign-checkpoint}. */
    @Command(name = "sign-checkpoint", description = "Sign a checkpoint of every durable record now.")
    static final class SignCheckpoint implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            AdminClient.Response response = admin.client().post("/messagelog/checkpoints", "{}");
            return admin.print(response, out, spec.commandLine().getErr(), c -> {
                if (response.status() == 204) {
                    out.println("the log is empty");
                } else {
                    printCheckpoint(out, c);
                }
            });
        }
    }

    /** {@code messagelog stamp}. */
    @Command(name = "stamp", description = "Time-stamp every unstamped record now.")
    static final class Stamp implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            AdminClient.Response response = admin.client().post("/messagelog/timestamps", "{}");
            return admin.print(response, out, spec.commandLine().getErr(), t -> {
                if (response.status() == 204) {
                    out.println("nothing to stamp");
                } else {
                    out.printf("stamped records %s to %s with checkpoint %s by %s at %s%n", t.path("firstLeaf").asText(),
                            t.path("endLeaf").asLong() - 1, t.path("checkpointSize").asText(), t.path("tsa").asText(),
                            t.path("genTime").asText());
                }
            });
        }
    }

    /** {@code messagelog records (--message-id ID [--direction D] | --last N)}. */
    @Command(name = "records", description = "The records of a message id, or the newest records.")
    static final class Records implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Option(names = "--message-id", description = "The message id.")
        String messageId;
        @Option(names = "--direction", description = "request or response (default both).")
        String direction;
        @Option(names = "--last", description = "The N newest records instead (1 to 1000), newest first.")
        Integer last;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if ((messageId == null) == (last == null)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "Give either --message-id or --last");
            }
            String query = last != null ? "?last=" + last : "?messageId=" + AdminClient.segment(messageId)
                    + (direction == null ? "" : "&direction=" + AdminClient.segment(direction));
            return admin.print(admin.client().get("/messagelog/records" + query), out, spec.commandLine().getErr(),
                    list -> list.forEach(r -> out.printf("%s %s %s %s %s %s -> %s body %s %s bytes%s%s%n",
                            r.path("leafIndex").asText(), r.path("loggedAt").asText(), r.path("messageId").asText(),
                            r.path("direction").asText(), r.path("side").asText(), r.path("client").asText(),
                            r.path("service").asText(), r.path("bodyMode").asText(), r.path("bodyLength").asText(),
                            r.path("stamped").asBoolean() ? ", stamped" : "",
                            r.path("peerCheckpoint").isObject() ? ", peer checkpoint "
                                    + r.path("peerCheckpoint").path("logId").asText() + " size "
                                    + r.path("peerCheckpoint").path("treeSize").asText() : "")));
        }
    }

    /** {@code messagelog inclusion LEAF [--tree-size N]}. */
    @Command(name = "inclusion", description = "The inclusion proof of a record in a signed checkpoint.")
    static final class Inclusion implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "LEAF", description = "The record's leaf index.")
        long leaf;
        @Option(names = "--tree-size", description = "The checkpoint (default the latest).")
        Long treeSize;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            String query = treeSize == null ? "" : "?treeSize=" + treeSize;
            return admin.print(admin.client().get("/messagelog/records/" + leaf + "/inclusion" + query), out,
                    spec.commandLine().getErr(), p -> {
                        out.printf("record %s (leaf hash %s) in ", p.path("leafIndex").asText(), p.path("leafHash").asText());
                        printCheckpoint(out, p.path("checkpoint"));
                        out.println(p.path("proof").asText());
                    });
        }
    }

    /** {@code messagelog consistency --from A [--to B] [--out FILE]}. */
    @Command(name = "consistency", description = "The consistency proof between two tree sizes.")
    static final class Consistency implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Option(names = "--from", required = true, description = "The smaller tree size.")
        long from;
        @Option(names = "--to", description = "The larger tree size (default the latest checkpoint's).")
        Long to;
        @Option(names = "--out", description = "Save the proof (zhol-consistency-proof/1) to this file.")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            String query = "?from=" + from + (to == null ? "" : "&to=" + to);
            return admin.print(admin.client().get("/messagelog/consistency" + query), out, spec.commandLine().getErr(),
                    p -> save(out, file, p.path("proof").asText().getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** {@code messagelog export --message-id ID --direction D [--leaf N] --out FILE}. */
    @Command(name = "export", description = "Save a record's ASiC-E evidence container.")
    static final class Export implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Option(names = "--message-id", required = true, description = "The message id.")
        String messageId;
        @Option(names = "--direction", required = true, description = "request or response.")
        String direction;
        @Option(names = "--leaf", description = "The record's leaf index, when several have the message id.")
        Long leaf;
        @Option(names = "--out", required = true, description = "The container file to write (.asice).")
        Path file;

        @Override
        public Integer call() {
            String query = "?messageId=" + AdminClient.segment(messageId) + "&direction="
                    + AdminClient.segment(direction) + (leaf == null ? "" : "&leaf=" + leaf);
            return download(admin, spec, "/messagelog/evidence" + query, file);
        }
    }

    /** {@code messagelog trust-snapshot --out FILE}. */
    @Command(name = "trust-snapshot", description = "Save the trust snapshot to verify exported containers with.")
    static final class TrustSnapshot implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Option(names = "--out", required = true, description = "The snapshot file to write (JSON).")
        Path file;

        @Override
        public Integer call() {
            return download(admin, spec, "/messagelog/trust-snapshot", file);
        }
    }

    /** {@code messagelog archive}: archive and clean now, then list the latest archives. */
    @Command(name = "archive", description = "Archive every time-stamped record and clean old archived ones now.")
    static final class Archive implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return admin.print(admin.client().post("/messagelog/archives", "{}"), out, spec.commandLine().getErr(), a -> {
                JsonNode last = a.path("lastArchive");
                out.println(last.isObject() ? "archived records up to " + (last.path("endLeaf").asLong() - 1) + " in "
                        + last.path("fileName").asText() + " (sha256 " + last.path("sha256").asText() + ")"
                        : "nothing to archive");
                out.println("cleaned " + a.path("cleaned").asText() + " records");
            });
        }
    }

    private static int download(AdminOptions admin, CommandSpec spec, String path, Path file) {
        AdminClient.Download answer = admin.client().download(path);
        PrintWriter out = spec.commandLine().getOut();
        if (!answer.ok()) {
            return admin.print(new AdminClient.Response(answer.status(), new String(answer.body(), StandardCharsets.UTF_8)),
                    out, spec.commandLine().getErr(), body -> { });
        }
        save(out, file, answer.body());
        out.flush();
        return 0;
    }
}
