// SPDX-License-Identifier: MIT
/**
 * The X-Road SOAP 4.0 codec (PR-MESS) as pure functions: the XML form of identifiers
 * ({@link org.zhol.protocol.soap.IdentifierXml}), the streaming header reader and the header writer
 * ({@link org.zhol.protocol.soap.SoapHeaderCodec}), request/response consistency and
 * {@code requestHash} ({@link org.zhol.protocol.soap.SoapConsistency},
 * {@link org.zhol.protocol.soap.RequestDigest}), SOAP faults ({@link org.zhol.protocol.soap.SoapFaultCodec})
 * and SwA/MTOM multipart pass-through ({@link org.zhol.protocol.soap.ContentType},
 * {@link org.zhol.protocol.soap.MimePartSplitter}).
 *
 * <p>Only the JDK's StAX is used. Every parser has DTDs and external entities switched off, and every
 * variable-length input is bounded by {@link org.zhol.protocol.soap.SoapLimits}. All failures are
 * {@link org.zhol.protocol.error.ZholException}s with X-Road's fault codes; the normative text is
 * {@code protocol-spec/docs/soap.md}.
 */
package org.zhol.protocol.soap;
