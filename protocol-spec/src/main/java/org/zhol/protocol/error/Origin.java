// SPDX-License-Identifier: MIT
package org.zhol.protocol.error;

/** Who caused a fault. It decides what a fault may reveal, and to whom it is reported. */
public enum Origin {
    /** The party that sent the input being processed: an information system or a peer's request. */
    CLIENT,
    /** This server itself: configuration, storage, keys, bugs. */
    THIS_SERVER,
    /** The other security server in an exchange. */
    PEER_SERVER,
    /** The provider's information system behind the provider's security server. */
    PROVIDER
}
