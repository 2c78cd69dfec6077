// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.protocol.manifest.MessageSignature;

/**
 * Where the exchange records every signed message before it lets an answer go (ARCHITECTURE §7). Both
 * proxies log both the request and the response:
 * <ol>
 *   <li>{@link #admit} before a new exchange: refused once time-stamping has failed for longer than the
 *       acceptable failure period;</li>
 *   <li>{@link #open} once META and HEAD are known, then {@link Record#body} with each piece of the body
 *       as it streams;</li>
 *   <li>{@link Record#commit} with the trailer, which returns only when the record is durable; only then
 *       does the message's last part leave (the TRAILER of a message this server sends, the last body
 *       bytes of a message it received).</li>
 * </ol>
 * {@link #checkpoint} is what every TRAILER this server sends carries.
 *
 * <p>The implementation ({@code messagelog.ExchangeLogAdapter}) keeps the storage out of the exchange.
 */
public interface MessageLog {

    /** Which proxy logs a message. */
    enum Side {
        /** The consumer's server: it signed the request and verified the response. */
        CLIENT_PROXY,
        /** The provider's server: it verified the request and signed the response. */
        SERVER_PROXY
    }

    /** Which message of the exchange. */
    enum Kind {
        REQUEST,
        RESPONSE
    }

    /**
     * What a record is opened with: the message's first two data objects as they travel.
     *
     * <p><b>Pitfalls:</b> byte arrays are shared, not copied; treat them as read-only.
     *
     * @param side          which proxy logs it
     * @param kind          request or response
     * @param metadata      the decoded metadata record (client, service, message id)
     * @param metadataBytes the META payload ({@code metadata.xml})
     * @param head          the HEAD payload ({@code head.json})
     */
    record Opening(Side side, Kind kind, MessageMetadata metadata, byte[] metadataBytes, byte[] head) {
        public Opening {
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(metadata, "metadata");
            Objects.requireNonNull(metadataBytes, "metadataBytes");
            Objects.requireNonNull(head, "head");
        }
    }

    /** One message's record while its body streams. Belongs to one exchange; not for concurrent use. */
    interface Record extends AutoCloseable {

        /**
         * The next piece of the body, as it passes; the bytes are not kept by reference.
         *
         * @throws org.zhol.protocol.error.ZholException {@code LoggingFailed} when it cannot be stored
         */
        void body(byte[] bytes, int offset, int length);

        /**
         * Completes the record with the message's TRAILER content and waits until it is durable.
         *
         * @param manifest       the manifest bytes as signed
         * @param signature      the signature as it travels
         * @param peerCheckpoint the other server's verified checkpoint that came with the message; empty for a
         *                       message this server sends
         * @throws org.zhol.protocol.error.ZholException {@code LoggingFailed}: the exchange then fails and
         *                                               the message's last part is withheld
         */
        void commit(byte[] manifest, MessageSignature signature, Optional<SignedCheckpoint> peerCheckpoint);

        /** Abandons the record unless it was committed. */
        @Override
        void close();
    }

    /**
     * Passes unless time-stamping has failed for longer than the acceptable failure period.
     *
     * @throws org.zhol.protocol.error.ZholException {@code Server.ClientProxy.LoggingFailed.TimestamperFailed}
     *                                               (or {@code Server.ServerProxy…} for the server proxy)
     */
    void admit(Side side);

    /**
     * Opens the record of a message.
     *
     * @throws org.zhol.protocol.error.ZholException {@code LoggingFailed} when it cannot be opened
     */
    Record open(Opening opening);

    /** This server's latest signed checkpoint in its single-file form, for the TRAILER; empty while there is none. */
    Optional<byte[]> checkpoint();
}
