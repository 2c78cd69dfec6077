// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import java.util.List;
import org.zhol.protocol.globalconf.MemberClass;

/** The member classes of the instance. */
public interface MemberClassStore {

    /** Adds a class; an existing code is {@code InvalidRequest}. */
    void add(MemberClass memberClass);

    /** All classes, by code. */
    List<MemberClass> list();

    /** Removes a class: {@code NotFound} if unknown, {@code InvalidRequest} while members use it. */
    void remove(String code);
}
