// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.protocol.manifest.MessageSignature;
import org.zhol.securityserver.exchange.MessageLog;

/**
 * The exchange's {@link MessageLog} over the {@link MessageLogService}: the one place that knows both the
 * exchange's view (openings, body pieces, trailers) and the store's ({@link RecordOpening},
 * {@link OpenRecord}, {@link RecordTrailer}). The body mode (full or metadata only) is the store's
 * per-subsystem {@link BodyLogging}; the exchange always passes every piece.
 */
public final class ExchangeLogAdapter implements MessageLog {

    /** The latest checkpoint and its single-file form, encoded once per checkpoint. */
    private record Encoded(LogCheckpoint checkpoint, byte[] bytes) {
    }

    private final MessageLogService service;
    private volatile Encoded encoded;

    public ExchangeLogAdapter(MessageLogService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public void admit(MessageLog.Side side) {
        service.timestamping().check(side(side));
    }

    @Override
    public MessageLog.Record open(Opening opening) {
        org.zhol.securityserver.messagelog.Side side = side(opening.side());
        MessageMetadata metadata = opening.metadata();
        RecordOpening record;
        try {
            record = new RecordOpening(opening.kind() == Kind.REQUEST ? Direction.REQUEST : Direction.RESPONSE, side,
                    metadata.messageId(), metadata.client(), metadata.service(), opening.metadataBytes(),
                    opening.head());
        } catch (IllegalArgumentException e) {
            throw LogFaults.loggingFailed(side, "The message cannot be logged: " + e.getMessage(), e);
        }
        return new Open(service.log().open(record));
    }

    @Override
    public Optional<byte[]> checkpoint() {
        Optional<LogCheckpoint> latest = service.latestCheckpoint();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Encoded known = encoded;
        if (known == null || known.checkpoint() != latest.get()) {
            known = new Encoded(latest.get(), latest.get().signed().encode());
            encoded = known;
        }
        return Optional.of(known.bytes());
    }

    // The store's Side; the exchange's MessageLog.Side is the one in scope here.
    private static org.zhol.securityserver.messagelog.Side side(MessageLog.Side side) {
        return switch (side) {
            case CLIENT_PROXY -> org.zhol.securityserver.messagelog.Side.CLIENT_PROXY;
            case SERVER_PROXY -> org.zhol.securityserver.messagelog.Side.SERVER_PROXY;
        };
    }

    /** An exchange's record over an {@link OpenRecord}. */
    private record Open(OpenRecord record) implements MessageLog.Record {

        @Override
        public void body(byte[] bytes, int offset, int length) {
            record.body(bytes, offset, length);
        }

        @Override
        public void commit(byte[] manifest, MessageSignature signature, Optional<SignedCheckpoint> peerCheckpoint) {
            RecordTrailer trailer;
            try {
                trailer = new RecordTrailer(manifest, signature, peerCheckpoint);
            } catch (IllegalArgumentException e) {
                record.close();
                throw LogFaults.loggingFailed(record.opening().side(), "The message cannot be logged: "
                        + e.getMessage(), e);
            }
            record.commitAndWait(trailer);
        }

        @Override
        public void close() {
            record.close();
        }
    }
}
