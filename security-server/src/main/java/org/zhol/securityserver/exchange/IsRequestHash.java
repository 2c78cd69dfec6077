// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import org.zhol.protocol.rest.RestRequestHash;
import org.zhol.protocol.rest.RestRequestTarget;
import org.zhol.protocol.rest.RestTargetCodec;
import org.zhol.protocol.soap.ContentType;
import org.zhol.protocol.soap.HashAlgorithm;
import org.zhol.protocol.soap.RequestDigest;
import org.zhol.protocol.soap.RequestHash;
import org.zhol.protocol.soap.RootPartDigest;
import org.zhol.protocol.soap.SoapContentKind;
import org.zhol.protocol.soap.SoapLimits;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.transport.RequestHead;

/**
 * The request hash that X-Road ties a response to, for the information systems (not the signed
 * {@code RequestHash} of the metadata record): REST's {@code X-Road-Request-Hash} ({@code rest.md} §3)
 * or SOAP's {@code requestHash} ({@code soap.md}). Both servers compute it the same way from what they
 * send and receive: the head as it travels and the body as it streams.
 *
 * <p>The REST target hashed is the canonical r1 target built from the service and the head's path and
 * query ({@link RestTargetCodec#clientPath}), which both sides know identically.
 *
 * <p><b>Pitfalls:</b> not thread-safe.
 */
sealed interface IsRequestHash {

    /** Feeds body bytes. */
    void update(byte[] bytes, int offset, int length);

    /** For REST: the hash of the request with {@code head} to {@code service}. */
    static Rest rest(ServiceId service, RequestHead head) {
        String target = RestTargetCodec.clientPath(new RestRequestTarget(service, head.path(), head.query()));
        return new Rest(RestRequestHash.start(head.method(), target, head.headers()));
    }

    /**
     * For SOAP: the SHA-512 of the SOAP request's bytes: the whole body of a plain request, the first
     * part's body of SwA and MTOM.
     */
    static Soap soap(ContentType contentType, SoapLimits limits) {
        return SoapContentKind.of(contentType) == SoapContentKind.XML
                ? new Soap(RequestDigest.start(HashAlgorithm.SHA512), null)
                : new Soap(null, RootPartDigest.start(HashAlgorithm.SHA512, contentType.boundary(), limits));
    }

    /** {@code X-Road-Request-Hash}. */
    record Rest(RestRequestHash.Accumulator accumulator) implements IsRequestHash {
        @Override
        public void update(byte[] bytes, int offset, int length) {
            accumulator.update(bytes, offset, length);
        }

        /** The base64 hash; later calls return the same value. */
        String finish() {
            return accumulator.finish();
        }
    }

    /** SOAP {@code requestHash}. */
    final class Soap implements IsRequestHash {
        private final RequestDigest whole;
        private final RootPartDigest firstPart;
        private RequestHash result;

        Soap(RequestDigest whole, RootPartDigest firstPart) {
            this.whole = whole;
            this.firstPart = firstPart;
        }

        @Override
        public void update(byte[] bytes, int offset, int length) {
            if (whole != null) {
                whole.update(bytes, offset, length);
            } else {
                firstPart.update(bytes, offset, length);
            }
        }

        /** The hash; later calls return the same value. */
        RequestHash finish() {
            if (result == null) {
                result = whole != null ? whole.finish() : firstPart.finish();
            }
            return result;
        }
    }
}
