// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import java.util.List;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.ApprovedTsa;

/** Approved certification and time-stamping authorities, by unique name. An unknown name is {@code NotFound}. */
public interface TrustServiceStore {

    /** Approves a CA with its intermediates and OCSP responders; an existing name is {@code InvalidRequest}. */
    void addCa(ApprovedCa ca);

    /** All approved CAs, in the order they were added. */
    List<ApprovedCa> cas();

    /** Withdraws the approval of a CA. */
    void removeCa(String name);

    /** Approves a TSA; an existing name is {@code InvalidRequest}. */
    void addTsa(ApprovedTsa tsa);

    /** All approved TSAs, in preference order (the order they were added). */
    List<ApprovedTsa> tsas();

    /** Withdraws the approval of a TSA. */
    void removeTsa(String name);
}
