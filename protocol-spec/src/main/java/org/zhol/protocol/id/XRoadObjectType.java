// SPDX-License-Identifier: MIT
package org.zhol.protocol.id;

/** The {@code objectType} of an identifier, with the names X-Road uses in XML and in messages. */
public enum XRoadObjectType {
    MEMBER,
    SUBSYSTEM,
    SERVICE,
    SERVER,
    GLOBALGROUP
}
