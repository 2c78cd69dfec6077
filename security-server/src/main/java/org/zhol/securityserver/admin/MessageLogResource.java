// SPDX-License-Identifier: MIT
package org.zhol.securityserver.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.evidence.AsicLayout;
import org.zhol.protocol.log.Checkpoint;
import org.zhol.protocol.log.ConsistencyProofCodec;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.manifest.InclusionProofCodec;
import org.zhol.securityserver.messagelog.Archiver;
import org.zhol.securityserver.messagelog.JobStatus;
import org.zhol.securityserver.messagelog.LogArchive;
import org.zhol.securityserver.messagelog.LogCheckpoint;
import org.zhol.securityserver.messagelog.LogEvidence;
import org.zhol.securityserver.messagelog.LogTimestamp;
import org.zhol.securityserver.messagelog.MessageLogService;
import org.zhol.securityserver.messagelog.StoredRecord;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;

/**
 * The admin API over the message log: its state, signed checkpoints, inclusion and consistency proofs,
 * the records of a message, a record's ASiC-E evidence container and the trust snapshot.
 *
 * <p><b>Limits:</b> lists return at most {@value #MAX_LIST} entries; an evidence container is built in
 * memory (the admin server sends whole responses), so a record whose body is over
 * {@value #MAX_EXPORT_BODY} bytes is refused: export it from an archive instead.
 */
final class MessageLogResource {

    /** Limit: the most entries a list returns. */
    static final int MAX_LIST = 1000;
    /** Limit: the longest body exported through the admin API. */
    static final long MAX_EXPORT_BODY = 256L * 1024 * 1024;

    private final Optional<MessageLogService> service;
    private final AdminJson json;

    MessageLogResource(Optional<MessageLogService> service, AdminJson json) {
        this.service = service;
        this.json = json;
    }

    /** The routes, for {@link AdminApi}. */
    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.authenticated("GET", "/messagelog", this::status),
                AdminRoute.authenticated("GET", "/messagelog/checkpoints", this::checkpoints),
                AdminRoute.authenticated("POST", "/messagelog/checkpoints", this::checkpointNow),
                AdminRoute.authenticated("GET", "/messagelog/checkpoints/{size}", this::checkpoint),
                AdminRoute.authenticated("POST", "/messagelog/timestamps", this::stampNow),
                AdminRoute.authenticated("GET", "/messagelog/consistency", this::consistency),
                AdminRoute.authenticated("GET", "/messagelog/records", this::records),
                AdminRoute.authenticated("GET", "/messagelog/records/{leaf}/inclusion", this::inclusion),
                AdminRoute.authenticated("GET", "/messagelog/evidence", this::evidence),
                AdminRoute.authenticated("GET", "/messagelog/trust-snapshot", this::trustSnapshot),
                AdminRoute.authenticated("GET", "/messagelog/archives", this::archives),
                AdminRoute.authenticated("POST", "/messagelog/archives", this::archiveNow));
    }

    private MessageLogService log() {
        return service.orElseThrow(() -> ZholException.internal(ErrorCode.INTERNAL_ERROR,
                "The message log is not running", null));
    }

    private HttpResponse status(HttpRequest request) {
        MessageLogService log = log();
        ObjectNode node = json.object().put("logId", log.log().logId().toPath()).put("size", log.log().size())
                .put("stampedSize", log.timestamper().stampedSize())
                .put("oldestUnstamped", text(log.timestamping().oldestUnstamped()));
        node.set("latestCheckpoint", log.latestCheckpoint().<JsonNode>map(this::checkpoint)
                .orElse(json.object().nullNode()));
        node.set("checkpointing", job(log.checkpointer().status()));
        node.set("timestamping", job(log.timestamper().status()));
        node.set("renewal", job(log.timestamper().renewalStatus()));
        node.set("archiving", job(log.archiver().status()));
        return json.respond(200, node);
    }

    private HttpResponse checkpoints(HttpRequest request) {
        long before = number(request, "before").orElse(Long.MAX_VALUE);
        int limit = (int) Math.min(MAX_LIST, number(request, "limit").orElse(100));
        return json.respond(200, json.array(evidence().checkpoints(before, limit), this::checkpoint));
    }

    private HttpResponse checkpoint(HttpRequest request) {
        long size = pathNumber(request, "size");
        return json.respond(200, checkpoint(evidence().checkpoint(size).orElseThrow(() ->
                ZholException.client(ErrorCode.NOT_FOUND, "No checkpoint of size " + size))));
    }

    private HttpResponse checkpointNow(HttpRequest request) {
        return log().checkpointer().checkpointNow().map(c -> json.respond(200, checkpoint(c)))
                .orElse(HttpResponse.empty(204));
    }

    private HttpResponse stampNow(HttpRequest request) {
        return log().timestamper().stampNow().map(t -> json.respond(200, timestamp(t)))
                .orElse(HttpResponse.empty(204));
    }

    private HttpResponse consistency(HttpRequest request) {
        long from = number(request, "from").orElseThrow(() -> ZholException.client(ErrorCode.BAD_REQUEST,
                "The query parameter from is required"));
        LogEvidence.Consistency answer = evidence().consistency(from, number(request, "to"));
        ObjectNode node = json.object().put("from", answer.proof().oldSize()).put("to", answer.proof().newSize())
                .put("proof", new String(ConsistencyProofCodec.encode(answer.proof()), StandardCharsets.UTF_8));
        node.set("fromCheckpoint", answer.from().<JsonNode>map(this::checkpoint).orElse(json.object().nullNode()));
        node.set("toCheckpoint", answer.to().<JsonNode>map(this::checkpoint).orElse(json.object().nullNode()));
        return json.respond(200, node);
    }

    /** The records of a message id (oldest first), or with {@code last=N} the newest N (newest first). */
    private HttpResponse records(HttpRequest request) {
        MessageLogService log = log();
        OptionalLong last = number(request, "last");
        List<StoredRecord> found = new java.util.ArrayList<>();
        if (last.isPresent()) {
            if (last.getAsLong() < 1 || last.getAsLong() > MAX_LIST) {
                throw ZholException.client(ErrorCode.BAD_REQUEST, "last must be in 1.." + MAX_LIST);
            }
            long size = log.log().size();
            for (long leaf = size - 1; leaf >= 0 && leaf >= size - last.getAsLong(); leaf--) {
                log.log().record(leaf).ifPresent(found::add);
            }
        } else {
            String messageId = required(request, "messageId");
            for (Direction direction : directions(request)) {
                found.addAll(log.log().find(messageId, direction));
            }
        }
        long stamped = log.timestamper().stampedSize();
        return json.respond(200, json.array(found.subList(0, Math.min(found.size(), MAX_LIST)), r -> record(r, stamped)));
    }

    private HttpResponse inclusion(HttpRequest request) {
        long leaf = pathNumber(request, "leaf");
        LogEvidence.Inclusion answer = evidence().inclusion(leaf, number(request, "treeSize"));
        ObjectNode node = json.object().put("leafIndex", leaf).put("treeSize", answer.proof().treeSize())
                .put("leafHash", Base64.getEncoder().encodeToString(answer.leafHash()))
                .put("proof", new String(InclusionProofCodec.encode(answer.proof()), StandardCharsets.UTF_8));
        node.set("checkpoint", checkpoint(answer.checkpoint()));
        return json.respond(200, node);
    }

    private HttpResponse evidence(HttpRequest request) {
        String messageId = required(request, "messageId");
        Direction direction = direction(required(request, "direction"));
        StoredRecord record = evidence().record(messageId, direction, number(request, "leaf"));
        if (record.body().length() > MAX_EXPORT_BODY) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "The body of record " + record.leafIndex()
                    + " is too long to export through the admin API; export it from an archive");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        evidence().export(record, out);
        return new HttpResponse(200, AsicLayout.ASIC_E_MIME_TYPE, out.toByteArray(), Map.of("Content-Disposition",
                "attachment; filename=\"" + record.leafIndex() + "-" + direction.text() + ".asice\""));
    }

    private HttpResponse trustSnapshot(HttpRequest request) {
        return HttpResponse.json(200, evidence().trustSnapshot().encoded());
    }

    private HttpResponse archives(HttpRequest request) {
        long before = number(request, "before").orElse(Long.MAX_VALUE);
        int limit = (int) Math.min(MAX_LIST, number(request, "limit").orElse(100));
        return json.respond(200, json.array(log().archiver().archives(before, limit), this::archive));
    }

    /** Archives every stamped record, then cleans archived records older than the keep period. */
    private HttpResponse archiveNow(HttpRequest request) {
        Archiver archiver = log().archiver();
        Optional<LogArchive> last = archiver.archiveNow();
        int cleaned = archiver.cleanNow();
        ObjectNode node = json.object().put("cleaned", cleaned);
        node.set("lastArchive", last.<JsonNode>map(this::archive).orElse(json.object().nullNode()));
        return json.respond(200, node);
    }

    private ObjectNode archive(LogArchive a) {
        return json.object().put("sequence", a.sequence()).put("fileName", a.fileName())
                .put("sha256", java.util.HexFormat.of().formatHex(a.sha256())).put("firstLeaf", a.firstLeaf())
                .put("endLeaf", a.endLeaf()).put("createdAt", a.createdAt().toString());
    }

    private LogEvidence evidence() {
        return log().evidence();
    }

    private ObjectNode checkpoint(LogCheckpoint c) {
        return json.object().put("treeSize", c.treeSize())
                .put("rootHash", Base64.getEncoder().encodeToString(c.checkpoint().rootHash()))
                .put("time", c.checkpoint().time().toString())
                .put("signed", new String(c.signed().encode(), StandardCharsets.UTF_8));
    }

    private ObjectNode timestamp(LogTimestamp t) {
        return json.object().put("firstLeaf", t.firstLeaf()).put("endLeaf", t.endLeaf())
                .put("checkpointSize", t.checkpointSize()).put("genTime", t.genTime().toString()).put("tsa", t.tsaName());
    }

    private ObjectNode record(StoredRecord r, long stampedSize) {
        ObjectNode node = json.object().put("leafIndex", r.leafIndex()).put("loggedAt", r.logged().loggedAt().toString())
                .put("messageId", r.opening().messageId()).put("direction", r.opening().direction().text())
                .put("side", r.opening().side().name()).put("client", r.opening().client().toPath())
                .put("service", r.opening().service().toPath()).put("bodyMode", r.body().mode().name())
                .put("bodyLength", r.body().length())
                .put("leafHash", Base64.getEncoder().encodeToString(r.logged().leafHash()))
                .put("stamped", r.leafIndex() < stampedSize);
        node.set("peerCheckpoint", r.trailer().peerCheckpoint().<JsonNode>map(this::peerCheckpoint)
                .orElse(json.object().nullNode()));
        return node;
    }

    /** A peer's checkpoint as logged; it was verified when it arrived. */
    private ObjectNode peerCheckpoint(SignedCheckpoint signed) {
        Checkpoint checkpoint = Checkpoint.decode(signed.checkpoint());
        return json.object().put("logId", checkpoint.logId().toPath()).put("treeSize", checkpoint.treeSize())
                .put("time", checkpoint.time().toString())
                .put("signed", new String(signed.encode(), StandardCharsets.UTF_8));
    }

    private ObjectNode job(JobStatus status) {
        ObjectNode node = json.object().put("lastSuccess", text(status.lastSuccess()));
        node.set("lastError", status.lastError().<JsonNode>map(e -> json.object().put("at", e.at().toString())
                .put("code", e.code()).put("detail", e.detail())).orElse(json.object().nullNode()));
        return node;
    }

    private static List<Direction> directions(HttpRequest request) {
        return request.queryParam("direction").map(d -> List.of(direction(d)))
                .orElse(List.of(Direction.REQUEST, Direction.RESPONSE));
    }

    private static Direction direction(String text) {
        try {
            return Direction.of(text);
        } catch (IllegalArgumentException e) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "The direction is request or response");
        }
    }

    private static String required(HttpRequest request, String name) {
        return request.queryParam(name).filter(v -> !v.isEmpty()).orElseThrow(() ->
                ZholException.client(ErrorCode.BAD_REQUEST, "The query parameter " + name + " is required"));
    }

    private static OptionalLong number(HttpRequest request, String name) {
        Optional<String> value = request.queryParam(name);
        return value.isEmpty() ? OptionalLong.empty() : OptionalLong.of(parse(value.get(), name));
    }

    private static long pathNumber(HttpRequest request, String name) {
        return parse(request.pathParam(name), name);
    }

    private static long parse(String value, String name) {
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ZholException.client(ErrorCode.BAD_REQUEST, name + " must be a non-negative number");
    }

    private static String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
