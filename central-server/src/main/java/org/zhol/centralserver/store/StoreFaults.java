// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;

/** The faults that stores raise, so that each code is chosen in one place. */
final class StoreFaults {

    private StoreFaults() {
    }

    /** A member or subsystem that is not registered. */
    static ZholException unknownMember(ClientId id) {
        return ZholException.client(ErrorCode.UNKNOWN_MEMBER, id.toPath() + " is not a registered "
                + (id instanceof org.zhol.protocol.id.MemberId ? "member" : "subsystem"));
    }

    /** Anything else that does not exist. */
    static ZholException notFound(String what) {
        return ZholException.client(ErrorCode.NOT_FOUND, what + " does not exist");
    }

    /** Something that exists already. */
    static ZholException duplicate(String what) {
        return ZholException.client(ErrorCode.INVALID_REQUEST, what + " exists already");
    }

    /** Something that cannot be removed while others refer to it. */
    static ZholException inUse(String detail) {
        return ZholException.client(ErrorCode.INVALID_REQUEST, detail);
    }
}
