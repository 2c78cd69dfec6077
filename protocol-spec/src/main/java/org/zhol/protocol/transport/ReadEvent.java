// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import java.util.Objects;
import org.zhol.protocol.manifest.MessageMetadata;

/** What {@link MessageReader#accept} made of one frame. */
public sealed interface ReadEvent {

    /**
     * A META frame: the metadata record, decoded for routing and access checks. It is not verified yet:
     * trust it only after the message's signature has been verified.
     *
     * @param metadata the record; {@code metadata.encode()} gives back the received bytes exactly
     */
    record Metadata(MessageMetadata metadata) implements ReadEvent {
        public Metadata {
            Objects.requireNonNull(metadata, "metadata");
        }
    }

    /**
     * A HEAD frame: the decoded head ({@link RequestHead} or {@link ResponseHead}); not verified yet.
     *
     * @param head the head
     */
    record Head(MessageHead head) implements ReadEvent {
        public Head {
            Objects.requireNonNull(head, "head");
        }
    }

    /**
     * A DATA frame: the next piece of the body, already digested, to pass on; not verified yet.
     *
     * @param bytes the piece (the frame's payload, not copied)
     */
    record Data(byte[] bytes) implements ReadEvent {
        public Data {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public String toString() {
            return "Data[" + bytes.length + " bytes]";
        }
    }

    /**
     * The TRAILER frame: the message is complete and its manifest lists exactly the digested data objects.
     * Verify it next ({@link ReceivedMessage#signedMessage()}).
     *
     * @param message the whole message
     */
    record Complete(ReceivedMessage message) implements ReadEvent {
        public Complete {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A FAULT frame: the peer gave up on the exchange.
     *
     * @param fault the peer's fault; {@link TransportFault#toException()} to raise it
     */
    record Fault(TransportFault fault) implements ReadEvent {
        public Fault {
            Objects.requireNonNull(fault, "fault");
        }
    }
}
