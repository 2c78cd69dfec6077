// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.zhol.protocol.crypto.CadesSigner;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.manifest.DataObject;
import org.zhol.protocol.manifest.Manifest;
import org.zhol.protocol.manifest.ManifestCodec;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.protocol.manifest.MessageSignature;
import org.zhol.protocol.manifest.SignatureFixture;
import org.zhol.securityserver.SecurityServer;
import org.zhol.securityserver.store.LogRecordRepository;
import org.zhol.server.store.Database;
import org.zhol.server.store.DatabaseConfig;

/**
 * Messages as the exchange hands them to the log: a real metadata record, a head, a body, a manifest
 * over the three and a real CAdES signature over the manifest.
 */
final class LogFixture {

    static final ClientId CLIENT = ClientId.parse("DEV/GOV/1234/CLIENT");
    static final ServiceId SERVICE = ServiceId.parse("DEV/COM/5678/PROVIDER/getRandom/v1");
    static final SecurityServerId SERVER = SecurityServerId.parse("DEV/GOV/1234/SS1");

    /** One message: what opens its record, its body, and what commits it. */
    record Message(RecordOpening opening, byte[] body, RecordTrailer trailer) {
    }

    private final CadesSigner signer;
    private final Supplier<List<byte[]>> ocsp;

    /** Messages signed by a test member key, without OCSP responses. */
    LogFixture() {
        this(SignatureFixture.create(false).cadesSigner(), List::of);
    }

    /** Messages signed by {@code signer}, with the OCSP responses that {@code ocsp} gives embedded. */
    LogFixture(CadesSigner signer, Supplier<List<byte[]>> ocsp) {
        this.signer = signer;
        this.ocsp = ocsp;
    }

    /** A request or response of {@code bodyLength} pseudo-random bytes, logged on the client proxy. */
    Message message(String id, Direction direction, int bodyLength) {
        return message(id, direction, Side.CLIENT_PROXY, bodyLength, Optional.empty());
    }

    Message message(String id, Direction direction, Side side, int bodyLength,
            Optional<SignedCheckpoint> peerCheckpoint) {
        byte[] body = new byte[bodyLength];
        new Random(id.hashCode() * 31L + bodyLength).nextBytes(body);
        Optional<byte[]> requestHash = direction == Direction.RESPONSE ? Optional.of(new byte[32]) : Optional.empty();
        byte[] metadata = new MessageMetadata(id, CLIENT, SERVICE, Instant.now(), requestHash).encode();
        byte[] head = (direction == Direction.REQUEST
                ? "{\"headers\":[[\"Accept\",\"application/json\"]],\"method\":\"GET\",\"path\":\"/x\",\"protocol\":\"REST\"}"
                : "{\"headers\":[],\"protocol\":\"REST\",\"status\":200}").getBytes(StandardCharsets.UTF_8);
        byte[] manifest = ManifestCodec.encode(Manifest.of(List.of(
                DataObject.of(MessageMetadata.URI, MessageMetadata.MIME_TYPE, metadata),
                DataObject.of("head.json", "application/json", head),
                DataObject.of("body", "application/octet-stream", body))));
        byte[] cms = signer.sign(manifest, Instant.now(), ocsp.get());
        return new Message(new RecordOpening(direction, side, id, CLIENT, SERVICE, metadata, head), body,
                new RecordTrailer(manifest, new MessageSignature.Single(cms), peerCheckpoint));
    }

    /** Logs {@code message}, feeding the body in chunks of up to 1000 bytes, and waits until durable. */
    static LoggedRecord log(MessageLog log, Message message) {
        try (OpenRecord record = log.open(message.opening())) {
            feed(record, message.body());
            return record.commitAndWait(message.trailer());
        }
    }

    static void feed(OpenRecord record, byte[] body) {
        for (int at = 0; at < body.length; at += 1000) {
            record.body(body, at, Math.min(1000, body.length - at));
        }
    }

    static byte[] read(Optional<InputStream> body) {
        try (InputStream in = body.orElseThrow()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Database open(DatabaseConfig config) {
        return Database.open(config, SecurityServer.MIGRATIONS);
    }

    /** A started log of {@link #SERVER} on {@code records}. */
    static MessageLog start(MessageLogConfig config, LogRecordRepository records) {
        return new MessageLog(config, SERVER, records, Clock.systemUTC()).start();
    }

    static MessageLogConfig config(Path dir) {
        return MessageLogConfig.defaults(dir).withInlineBodyLimit(4096);
    }
}
