// SPDX-License-Identifier: MIT
package org.zhol.protocol.id;

import java.util.List;

/**
 * Any X-Road identifier. Its {@link #parts()} are its codes in hierarchical order, starting with the
 * instance; the path form joins them with '/'. {@code toString()} gives X-Road's display form, e.g.
 * {@code SUBSYSTEM:EE/GOV/70000310/TAXES}.
 */
public sealed interface XRoadId permits ClientId, ServiceId, SecurityServerId, GlobalGroupId {

    XRoadObjectType objectType();

    /** The X-Road instance, e.g. {@code EE}. */
    String instance();

    /** The codes in order, starting with the instance. */
    List<String> parts();

    /** The path form, e.g. {@code EE/GOV/70000310/TAXES}, as used in REST r1. */
    default String toPath() {
        return String.join("/", parts());
    }

    /** X-Road's display form: the object type, a colon and the path form. */
    static String display(XRoadId id) {
        return id.objectType() + ":" + id.toPath();
    }
}
