// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * What a configuration client trusts now: the anchor it was given out of band, updated by the signed
 * {@link GlobalConfLayout#ANCHOR_PART} of the newest generation it has verified. This is how a client
 * that holds only an old anchor follows a signing-key rotation (docs/global-configuration.md §5):
 *
 * <ol>
 * <li>verify a generation with the current signer set ({@link GlobalConfVerifier#verifyAndDecode});</li>
 * <li>if it is newer than the one the set came from and carries an anchor part, that part's signer
 * certificates <em>replace</em> the set. The part must be for the same instance and list the
 * certificate that signed it. Download URLs stay those of the installed anchor.</li>
 * </ol>
 *
 * A pure value: the caller stores {@link #anchor()} and {@link #generation()} (e.g. with
 * {@link ConfigurationAnchorCodec}) and keeps using the returned {@link Update#anchor()}.
 *
 * <p><b>Pitfalls:</b> a client that misses every generation that announced the next key (offline
 * for longer than the central server's notice period) cannot verify the new key's generations and
 * gets {@code IncorrectCertificate}; only installing a current anchor helps. Because the newest
 * verified list replaces the set, a retired key stops being trusted even if the installed anchor
 * holds it. Rollback is still the caller's check: refuse a generation lower than the one you hold.
 *
 * @param anchor     the anchor to verify the next generation with
 * @param generation the generation whose anchor part gave {@code anchor}'s signers; 0 for an anchor
 *                   as installed
 */
public record EffectiveAnchor(ConfigurationAnchor anchor, long generation) {

    public EffectiveAnchor {
        Objects.requireNonNull(anchor, "anchor");
        if (generation < 0) {
            throw new IllegalArgumentException("generation must not be negative");
        }
    }

    /** The anchor as an administrator installed it. */
    public static EffectiveAnchor installed(ConfigurationAnchor anchor) {
        return new EffectiveAnchor(anchor, 0);
    }

    /**
     * A verified generation and the trust to use from now on.
     *
     * @param configuration the verified generation
     * @param anchor        this effective anchor, updated from the generation's anchor part if it had one
     *                      and was newer
     */
    public record Update(VerifiedGlobalConf configuration, EffectiveAnchor anchor) {

        public Update {
            Objects.requireNonNull(configuration, "configuration");
            Objects.requireNonNull(anchor, "anchor");
        }
    }

    /**
     * Verifies a directory and its signature against this anchor, before the parts are fetched
     * ({@link GlobalConfVerifier#verifyDirectory}); adopts nothing.
     *
     * @throws ZholException as {@link #verifyAndUpdate}
     */
    public GlobalConfDirectory verifyDirectory(byte[] directory, byte[] signature, Instant now) {
        try {
            return new GlobalConfVerifier(anchor).verifyDirectory(directory, signature, now);
        } catch (ZholException e) {
            throw staleIfUntrusted(e);
        }
    }

    /**
     * Verifies a downloaded generation against this anchor (all checks of {@link GlobalConfVerifier}),
     * then adopts the signers that it publishes.
     *
     * @throws ZholException as {@link GlobalConfVerifier#verifyAndDecode}; {@code IncorrectCertificate}
     *                       says the signer is not trusted (the anchor is stale); {@code MalformedGlobalConf}
     *                       when the anchor part is malformed or does not list its own signer,
     *                       {@code MalformedGlobalConf.InconsistentResponse} when it is for another instance
     */
    public Update verifyAndUpdate(GlobalConfFiles files, Instant now) {
        VerifiedGlobalConf verified;
        try {
            verified = new GlobalConfVerifier(anchor).verifyAndDecode(files, now);
        } catch (ZholException e) {
            throw staleIfUntrusted(e);
        }
        return new Update(verified, adopt(verified, files));
    }

    private ZholException staleIfUntrusted(ZholException e) {
        if (e.code() != ErrorCode.INCORRECT_CERTIFICATE) {
            return e;
        }
        return GlobalConfFaults.of(ErrorCode.INCORRECT_CERTIFICATE, "The configuration is signed by a key that this"
                + " anchor does not trust: the anchor is stale (signers from generation " + generation
                + "); install a current anchor from the central server", e);
    }

    private EffectiveAnchor adopt(VerifiedGlobalConf verified, GlobalConfFiles files) {
        long newGeneration = verified.directory().generation();
        Optional<PartReference> part = verified.directory().part(GlobalConfLayout.ANCHOR_PART);
        if (newGeneration <= generation || part.isEmpty()) {
            return this;
        }
        // The verifier has checked these bytes against the signed directory.
        ConfigurationAnchor published = ConfigurationAnchorCodec.decode(files.parts().get(part.get().name()));
        if (!published.instance().equals(anchor.instance())) {
            throw GlobalConfFaults.wrongInstance(anchor.instance(), published.instance());
        }
        if (!published.signingCertificates().contains(verified.signer())) {
            throw GlobalConfFaults.malformed("The published anchor does not list the certificate that signed it");
        }
        return new EffectiveAnchor(new ConfigurationAnchor(anchor.instance(), anchor.downloadUrls(),
                published.signingCertificates()), newGeneration);
    }
}
