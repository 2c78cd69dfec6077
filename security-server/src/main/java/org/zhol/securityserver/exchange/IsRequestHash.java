// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import org.zhol.protocol.rest.RestRequestHash;
import org.zhol.protocol.rest.RestRequestTarget;
import org.zhol.protocol.rest.RestTargetCodec;
import org.zhol.protocol.soap.HashAlgorithm;
import org.zhol.protocol.soap.RequestDigest;
import org.zhol.protocol.soap.RequestHash;
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
 * <p><b>Pitfalls:</b> for SwA and MTOM, X-Road hashes only the SOAP part; Zhol hashes the whole multipart
 * body (see {@code soap.md}). Not thread-safe.
 */
sealed interface IsRequestHash {

    /** Feeds body bytes. */
    void update(byte[] bytes, int offset, int length);

    /** For REST: the hash of the request with {@code head} to {@code service}. */
    static Rest rest(ServiceId service, RequestHead head) {
        String target = RestTargetCodec.clientPath(new RestRequestTarget(service, head.path(), head.query()));
        return new Rest(RestRequestHash.start(head.method(), target, head.headers()));
    }

    /** For SOAP: the SHA-512 of the SOAP request's bytes. */
    static Soap soap() {
        return new Soap(RequestDigest.start(HashAlgorithm.SHA512));
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
        private final RequestDigest digest;
        private RequestHash result;

        Soap(RequestDigest digest) {
            this.digest = digest;
        }

        @Override
        public void update(byte[] bytes, int offset, int length) {
            digest.update(bytes, offset, length);
        }

        /** The hash; later calls return the same value. */
        RequestHash finish() {
            if (result == null) {
                result = digest.finish();
            }
            return result;
        }
    }
}
