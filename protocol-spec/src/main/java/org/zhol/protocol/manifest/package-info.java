// SPDX-License-Identifier: MIT
/**
 * Signed manifests: what a message's signature covers, how it is signed (one message, or a batch
 * under a Merkle root) and how it is verified.
 *
 * <ul>
 *   <li>While the parts stream, a {@link org.zhol.protocol.manifest.DataObjectDigest} per data object
 *       yields {@link org.zhol.protocol.manifest.DataObject}s; the first is the
 *       {@link org.zhol.protocol.manifest.MessageMetadata} record.</li>
 *   <li>{@link org.zhol.protocol.manifest.ManifestCodec} writes them as a canonical ETSI ASiC-E
 *       {@code ASiCManifest}.</li>
 *   <li>{@link org.zhol.protocol.manifest.ManifestSigner} (single) or
 *       {@link org.zhol.protocol.manifest.BatchManifestSigner} (batch) sign it with CAdES from
 *       {@code org.zhol.protocol.crypto}.</li>
 *   <li>{@link org.zhol.protocol.manifest.MessageSignatureVerifier} verifies either mode; it depends on
 *       two small interfaces that the composition root wires:
 *       {@link org.zhol.protocol.manifest.SignerCertificateCheck} and
 *       {@link org.zhol.protocol.manifest.SigningCertificateProfile}.</li>
 * </ul>
 * The normative text is {@code protocol-spec/docs/signatures.md}.
 */
package org.zhol.protocol.manifest;
