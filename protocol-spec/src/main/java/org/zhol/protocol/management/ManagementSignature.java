// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import java.util.Arrays;
import java.util.Objects;

/**
 * One role-tagged signature of an envelope: a detached CAdES CMS ({@code org.zhol.protocol.crypto}) over
 * the exact request bytes.
 *
 * <p><b>Pitfalls:</b> the CMS array is copied in and out; {@link #equals} compares contents. The role
 * is a claim of the sender until the verifier has checked the signer against it.
 *
 * @param role the role the signature claims
 * @param cms  the DER {@code ContentInfo} of the signature
 */
public record ManagementSignature(SignatureRole role, byte[] cms) {

    public ManagementSignature {
        Objects.requireNonNull(role, "role");
        cms = cms.clone();
    }

    /** The CMS; a copy. */
    @Override
    public byte[] cms() {
        return cms.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ManagementSignature that && role == that.role && Arrays.equals(cms, that.cms);
    }

    @Override
    public int hashCode() {
        return 31 * role.hashCode() + Arrays.hashCode(cms);
    }

    @Override
    public String toString() {
        return "ManagementSignature[" + role + ", " + cms.length + " bytes]";
    }
}
