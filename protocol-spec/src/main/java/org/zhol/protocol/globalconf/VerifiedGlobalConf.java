// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A configuration generation that {@link GlobalConfVerifier} has verified and decoded.
 *
 * @param directory     the verified directory: generation, times and part hashes
 * @param configuration the decoded configuration
 * @param signer        the anchor certificate whose key signed the directory
 */
public record VerifiedGlobalConf(GlobalConfDirectory directory, GlobalConfiguration configuration,
        X509Certificate signer) {

    public VerifiedGlobalConf {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(signer, "signer");
    }
}
