// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.protocol.manifest.MessageSignature;
import org.zhol.protocol.transport.HeadCodec;
import org.zhol.protocol.transport.MessageProtocol;
import org.zhol.protocol.transport.MessageWriter;

/**
 * The client proxy's exchange with the provider's server, as named steps: resolve the servers that host
 * the service, connect (with failover, {@link PeerConnector}), send the request (META, HEAD, the body as
 * DATA while it is digested and logged, then the signed manifest once the log record is durable,
 * with this server's latest log checkpoint), and hand the channel to {@link ResponseRelay} for the
 * response. The channel is reused only when both messages ended cleanly.
 */
final class OutboundExchange {

    /** What was sent: what the response must answer to. */
    record Sent(MessageMetadata metadata, byte[] manifest, IsRequestHash isHash) {
    }

    private final ExchangeContext context;
    private final PeerConnector connector;

    OutboundExchange(ExchangeContext context, PeerConnector connector) {
        this.context = context;
        this.connector = connector;
    }

    /** Runs {@code call} to its end and answers the information system through {@code responder}. */
    void run(ClientCall call, GlobalConfiguration conf, TrackingResponder responder) {
        List<SecurityServer> candidates = ProviderResolver.candidates(conf, call.service(), call.target());
        PeerChannel channel = connector.connect(candidates);
        boolean clean = false;
        try {
            requireCandidate(channel, candidates);
            Sent sent = send(call, channel);
            clean = new ResponseRelay(context, channel, call, sent, conf).relay(responder);
        } finally {
            channel.release(clean);
        }
    }

    private static void requireCandidate(PeerChannel channel, List<SecurityServer> candidates) {
        if (candidates.stream().noneMatch(s -> s.id().equals(channel.peer()))) {
            throw new ZholException(FaultCode.of(ErrorCode.SSL_AUTHENTICATION_FAILED), Origin.PEER_SERVER,
                    "Connected to " + channel.peer() + ", which does not host the service", null);
        }
    }

    private Sent send(ClientCall call, PeerChannel channel) {
        Instant signingTime = context.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        MessageMetadata metadata = new MessageMetadata(call.messageId(), call.client(), call.service(), signingTime,
                Optional.empty());
        long maxBody = context.settings().maxBodyBytes();
        MessageWriter writer = new MessageWriter(context.limits(), maxBody, metadata, call.head());
        IsRequestHash isHash = call.protocol() == MessageProtocol.REST
                ? IsRequestHash.rest(call.service(), call.head())
                : IsRequestHash.soap(SoapCalls.contentType(call.head().headers()), context.soapLimits());
        MessageLog.Opening opening = new MessageLog.Opening(MessageLog.Side.CLIENT_PROXY, MessageLog.Kind.REQUEST,
                metadata, metadata.encode(), HeadCodec.encode(call.head()));
        byte[] manifest;
        try (MessageLog.Record record = context.log().open(opening)) {
            PeerCalls.send(channel, writer.start(), context.limits());
            byte[] buffer = new byte[context.limits().maxDataBytes()];
            InputStream body = call.body();
            try {
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    if (writer.bodyLength() + n > maxBody) {
                        throw tooLarge(maxBody);
                    }
                    isHash.update(buffer, 0, n);
                    record.body(buffer, 0, n);
                    PeerCalls.send(channel, writer.body(buffer, 0, n), context.limits());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            manifest = writer.finish();
            MessageSignature signature = context.signing().sign(call.client().member(), manifest, signingTime);
            // Durable before the TRAILER goes: without it the provider's server passes on no complete request.
            record.commit(manifest, signature, Optional.empty());
            PeerCalls.send(channel, writer.trailer(signature, context.log().checkpoint()), context.limits());
        }
        return new Sent(metadata, manifest, isHash);
    }

    /** The fault for a request body over the limit. */
    static ZholException tooLarge(long maxBody) {
        return ZholException.client(ErrorCode.BAD_REQUEST, "The request body is larger than " + maxBody + " bytes");
    }
}
