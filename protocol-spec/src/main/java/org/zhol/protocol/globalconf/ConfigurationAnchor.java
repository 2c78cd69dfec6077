// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.zhol.protocol.id.IdentifierRules;

/**
 * A configuration anchor: what a security server is given out of band to trust an instance's global
 * configuration. Its wire form is {@code anchor.json} (see {@link ConfigurationAnchorCodec}).
 *
 * <p>It holds a <em>set</em> of signing certificates, so the central server can rotate its key: publish
 * an anchor with the old and the next certificate, then start signing with the next one.
 *
 * <p><b>Pitfalls:</b> the certificates are pinned: trust comes from the anchor, not from a CA, and
 * their validity dates are checked only against the directory's signing time.
 *
 * @param instance            the instance, e.g. {@code DEV}
 * @param downloadUrls        base URLs of the configuration source, in order of preference
 * @param signingCertificates the certificates whose keys may sign a directory; at least one
 */
public record ConfigurationAnchor(String instance, List<URI> downloadUrls, List<X509Certificate> signingCertificates) {

    public ConfigurationAnchor {
        IdentifierRules.code("xRoadInstance", instance);
        downloadUrls = List.copyOf(downloadUrls);
        signingCertificates = List.copyOf(signingCertificates);
        if (downloadUrls.isEmpty() || signingCertificates.isEmpty()) {
            throw GlobalConfFaults.malformed("An anchor needs at least one download URL and one signing certificate");
        }
        downloadUrls.forEach(u -> Objects.requireNonNull(u, "downloadUrl"));
    }
}
