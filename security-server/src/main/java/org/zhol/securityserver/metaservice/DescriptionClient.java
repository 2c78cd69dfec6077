// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/**
 * Fetches a service's OpenAPI or WSDL document from its description URL with the JDK's HTTP client: one
 * GET, answered 200, within {@link MetaserviceConfig#fetchTimeout()} for the whole exchange and at most
 * {@link MetaserviceConfig#maxDocumentBytes()} long (checked on {@code Content-Length} and while the body
 * arrives, so that a larger one is never held).
 *
 * <p>Faults (origin {@code PROVIDER}), whose details never name the URL, since it points into the
 * provider's own network: {@code ServiceFailed.NetworkError} when the URL cannot be reached or does not
 * answer in time, {@code ServiceFailed.HttpError} for a status other than 200,
 * {@code ServiceFailed.InvalidResponse} for a document over the limit.
 *
 * <p><b>Pitfalls:</b> the {@link HttpClient} is the caller's (built in the composition root, closed
 * there); build it without redirects ({@link HttpClient.Redirect#NEVER}, the default), so that a
 * description URL cannot send the server elsewhere.
 */
public final class DescriptionClient {

    private final HttpClient http;
    private final MetaserviceConfig config;

    public DescriptionClient(HttpClient http, MetaserviceConfig config) {
        this.http = Objects.requireNonNull(http, "http");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** A fetched document and the content type it was served with. */
    public record Document(byte[] bytes, Optional<String> contentType) {

        public Document {
            bytes = bytes.clone();
            Objects.requireNonNull(contentType, "contentType");
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /**
     * Fetches {@code url}.
     *
     * @throws ZholException {@code ServiceFailed.NetworkError}, {@code ServiceFailed.HttpError} or
     *                       {@code ServiceFailed.InvalidResponse}
     */
    public Document fetch(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).GET().timeout(config.fetchTimeout())
                .header("Accept", "*/*").build();
        int max = config.maxDocumentBytes();
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, info -> {
            if (info.statusCode() != 200) {
                return HttpResponse.BodySubscribers.replacing(new byte[0]);
            }
            OptionalLong length = info.headers().firstValueAsLong("Content-Length");
            return new LimitedBody(max, length.isPresent() && length.getAsLong() > max);
        });
        HttpResponse<byte[]> response = await(pending);
        if (response.statusCode() != 200) {
            throw failed(ErrorCode.HTTP_ERROR, "Fetching the service description failed: HTTP " + response.statusCode());
        }
        return new Document(response.body(), response.headers().firstValue("Content-Type"));
    }

    private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> pending) {
        try {
            return pending.get(config.fetchTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw tooSlow();
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw failed(ErrorCode.NETWORK_ERROR, "Fetching the service description was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.io.IOException io && io.getCause() instanceof ZholException z
                    ? z : e.getCause();
            if (cause instanceof ZholException z) {
                throw z;
            }
            if (cause instanceof java.net.http.HttpTimeoutException) {
                // The request's own timeout (until the headers) may fire first: the same failure.
                throw tooSlow();
            }
            throw new ZholException(FaultCode.of(ErrorCode.SERVICE_FAILED, ErrorCode.NETWORK_ERROR), Origin.PROVIDER,
                    "The service description could not be fetched", cause);
        }
    }

    private ZholException tooSlow() {
        return failed(ErrorCode.NETWORK_ERROR, "The service description did not arrive within "
                + config.fetchTimeout().toSeconds() + " s");
    }

    static ZholException failed(ErrorCode second, String detail) {
        return new ZholException(FaultCode.of(ErrorCode.SERVICE_FAILED, second), Origin.PROVIDER, detail, null);
    }

    /** Collects a body up to a limit; cancels the exchange as soon as it is crossed. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int max;
        private final boolean tooLargeAlready;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBody(int max, boolean tooLargeAlready) {
            this.max = max;
            this.tooLargeAlready = tooLargeAlready;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (tooLargeAlready) {
                tooLarge();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (bytes.size() + (long) b.remaining() > max) {
                    tooLarge();
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }

        private void tooLarge() {
            subscription.cancel();
            result.completeExceptionally(failed(ErrorCode.INVALID_RESPONSE,
                    "The service description is longer than " + max + " bytes"));
        }
    }
}
