// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.util.List;

/**
 * What the instance trusts: the inputs of the certificate, OCSP and time-stamp verifiers.
 * {@link GlobalConfiguration} answers it.
 */
public interface TrustAnchors {

    /** The approved certification authorities. */
    List<ApprovedCa> approvedCas();

    /** The approved time-stamping authorities, in the order to try them. */
    List<ApprovedTsa> approvedTsas();

    /** The timing parameters. */
    TrustParameters trustParameters();
}
