// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Management requests and their decisions. Every method is one committed transaction: a request that
 * {@link #insert} returned from is durable.
 */
public interface ManagementRequestStore {

    /**
     * Stores a new request.
     *
     * @throws org.zhol.protocol.error.ZholException {@code InvalidRequest} when its id is known already
     */
    void insert(StoredRequest request);

    /** One request. */
    Optional<StoredRequest> find(String id);

    /** All requests, or those in {@code state}, oldest first. */
    List<StoredRequest> list(Optional<RequestState> state);

    /** Whether a request of {@code type} about {@code subject} on {@code server} is pending. */
    boolean isPending(String type, String server, String subject);

    /**
     * Moves a request from {@code from} to {@code to}, recording who and when, if it is still in
     * {@code from}; {@code applied} is reset to false.
     *
     * @return false when the request is not in {@code from} (someone else decided first)
     */
    boolean decide(String id, RequestState from, RequestState to, String decidedBy, Instant at,
            Optional<String> reason);

    /** Records that an approved request's registry change is done. */
    void markApplied(String id);
}
