// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.log.Direction;

/**
 * What a log record is opened with, before its body streams: the routing facts and the first two data
 * objects of the message (the META and HEAD frame payloads).
 *
 * <p><b>Limits:</b> the message id has 1–{@value #MAX_MESSAGE_ID_LENGTH} characters, none a control character; {@code metadata.xml}
 * at most {@value #MAX_METADATA_BYTES} bytes and {@code head.json} at most {@value #MAX_HEAD_BYTES}, the
 * transport's META and HEAD frame limits.
 *
 * <p><b>Pitfalls:</b> the byte arrays are copied in and out.
 *
 * @param direction   request or response
 * @param side        the proxy that logs it
 * @param messageId   the exchange's message id (the same for the request and its response)
 * @param client      the consumer
 * @param service     the service called
 * @param metadataXml the {@code metadata.xml} data object, as it travelled
 * @param headJson    the {@code head.json} data object, as it travelled
 */
public record RecordOpening(Direction direction, Side side, String messageId, ClientId client, ServiceId service,
        byte[] metadataXml, byte[] headJson) {

    /** Limit: the longest message id. */
    public static final int MAX_MESSAGE_ID_LENGTH = 255;
    /** Limit: the largest {@code metadata.xml} (the META frame limit). */
    public static final int MAX_METADATA_BYTES = 16 * 1024;
    /** Limit: the largest {@code head.json} (the HEAD frame limit). */
    public static final int MAX_HEAD_BYTES = 64 * 1024;

    public RecordOpening {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(metadataXml, "metadataXml");
        Objects.requireNonNull(headJson, "headJson");
        if (messageId.isEmpty() || messageId.length() > MAX_MESSAGE_ID_LENGTH
                || messageId.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a message id has 1 to " + MAX_MESSAGE_ID_LENGTH
                    + " characters and no control characters");
        }
        if (metadataXml.length > MAX_METADATA_BYTES || headJson.length > MAX_HEAD_BYTES) {
            throw new IllegalArgumentException("metadata.xml or head.json is over its limit");
        }
        metadataXml = metadataXml.clone();
        headJson = headJson.clone();
    }

    /**
     * The subsystem of this server whose logging mode applies: the client on the client proxy, the
     * service's provider on the server proxy. Empty when the client proxy's client is a member.
     */
    public Optional<SubsystemId> localSubsystem() {
        return switch (side) {
            case CLIENT_PROXY -> client instanceof SubsystemId s ? Optional.of(s) : Optional.empty();
            case SERVER_PROXY -> Optional.of(service.provider());
        };
    }

    @Override
    public byte[] metadataXml() {
        return metadataXml.clone();
    }

    @Override
    public byte[] headJson() {
        return headJson.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordOpening that && direction == that.direction && side == that.side
                && messageId.equals(that.messageId) && client.equals(that.client) && service.equals(that.service)
                && Arrays.equals(metadataXml, that.metadataXml)
                && Arrays.equals(headJson, that.headJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(direction, side, messageId, client, service);
    }

    @Override
    public String toString() {
        return "RecordOpening[" + direction + " " + side + " " + messageId + " " + client.toPath() + " -> "
                + service.toPath() + "]";
    }
}
