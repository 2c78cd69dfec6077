// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a message's signature covers: an ETSI EN 319 162-1 {@code ASiCManifest} naming the signature
 * ({@code SigReference}) and listing each data object with its SHA-256 digest. Its canonical bytes
 * come from {@link ManifestCodec#encode}.
 *
 * <p><b>Limits:</b> 1 to {@link ManifestLimits#maxDataObjects()} data objects, with unique URIs.
 *
 * @param signatureUri      the signature's name in an ASiC-E container, e.g. {@code META-INF/signature.p7s}
 * @param signatureMimeType the signature's MIME type, {@link #CADES_MIME_TYPE}
 * @param dataObjects       the data objects, in the order the message carries them
 */
public record Manifest(String signatureUri, String signatureMimeType, List<DataObject> dataObjects) {

    /** The signature's default name. */
    public static final String DEFAULT_SIGNATURE_URI = "META-INF/signature.p7s";
    /** The MIME type of a CAdES signature in ASiC. */
    public static final String CADES_MIME_TYPE = "application/x-pkcs7-signature";

    public Manifest {
        DataObject.requireUri(signatureUri);
        DataObject.requireMimeType(signatureMimeType);
        dataObjects = List.copyOf(dataObjects);
        if (dataObjects.isEmpty() || dataObjects.size() > ManifestLimits.DEFAULT.maxDataObjects()) {
            throw new IllegalArgumentException("a manifest lists 1 to " + ManifestLimits.DEFAULT.maxDataObjects()
                    + " data objects");
        }
        Set<String> uris = new HashSet<>();
        for (DataObject dataObject : dataObjects) {
            if (!uris.add(dataObject.uri())) {
                throw new IllegalArgumentException("duplicate data object URI " + dataObject.uri());
            }
        }
    }

    /** A manifest with the default signature name and MIME type. */
    public static Manifest of(List<DataObject> dataObjects) {
        return new Manifest(DEFAULT_SIGNATURE_URI, CADES_MIME_TYPE, dataObjects);
    }
}
