// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

/** The XML namespaces of X-Road SOAP 4.0 messages, and the prefixes Zhol writes them with. */
public final class SoapNamespaces {

    /** SOAP 1.1 envelope; the only envelope namespace accepted. */
    public static final String ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
    /** X-Road header fields ({@code client}, {@code service}, {@code id}, ...). */
    public static final String XROAD = "http://x-road.eu/xsd/xroad.xsd";
    /** X-Road identifier fields and the {@code objectType} attribute. */
    public static final String IDENTIFIERS = "http://x-road.eu/xsd/identifiers";
    /** The represented-party extension (PR-REPREP). */
    public static final String REPRESENTATION = "http://x-road.eu/xsd/representation.xsd";

    /** Prefix written for {@link #ENVELOPE}. */
    public static final String ENVELOPE_PREFIX = "SOAP-ENV";
    /** Prefix written for {@link #XROAD}. */
    public static final String XROAD_PREFIX = "xrd";
    /** Prefix written for {@link #IDENTIFIERS}. */
    public static final String IDENTIFIERS_PREFIX = "id";
    /** Prefix written for {@link #REPRESENTATION}. */
    public static final String REPRESENTATION_PREFIX = "repr";

    private SoapNamespaces() {
    }
}
