// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * The {@code requestHash} of a SwA or MTOM request (PR-MESS §2.2): the digest of the first MIME part's
 * body, computed while the <em>whole</em> multipart body is pushed through {@link #update}, for a caller
 * that passes the body on unchanged and cannot let a {@link MimePartSplitter} pull it. It frames the first
 * part exactly as {@link MimePartSplitter} does: the preamble up to the first delimiter line
 * ({@code --boundary}, optional spaces, CRLF or LF) is skipped, then the part's headers up to the empty
 * line, and its body ends before the CRLF (or LF) of the next delimiter. Everything after it is ignored.
 *
 * <p>{@link #bodyOffset} uses the same framing to find where the first part's body starts in the head of a
 * message, so that the envelope there can be read or rewritten in place.
 *
 * <p><b>Limits:</b> the first part's headers are at most {@link SoapLimits#maxMimeHeaderBytes()}; only a
 * window of the delimiter's length is held. Not thread-safe.
 */
public final class RootPartDigest {

    private static final int MAX_PADDING = 64;

    private enum State { PREAMBLE, HEADERS, BODY, DONE }

    private final RequestDigest digest;
    private final byte[] delimiter;
    private final int maxHeaderBytes;
    private byte[] window = new byte[8192];
    private int length;
    private long consumed;
    private long bodyStart = -1;
    private int headerBytes;
    private State state = State.PREAMBLE;
    private RequestHash result;

    private RootPartDigest(HashAlgorithm algorithm, String boundary, SoapLimits limits) {
        this.digest = RequestDigest.start(algorithm);
        this.delimiter = ("\n--" + Objects.requireNonNull(boundary, "boundary")).getBytes(StandardCharsets.ISO_8859_1);
        this.maxHeaderBytes = limits.maxMimeHeaderBytes();
        // As the splitter does: a delimiter at the very start counts as one at the start of a line.
        window[0] = '\n';
        length = 1;
        consumed = -1;
    }

    /** A digest of the first part of a multipart body with {@code boundary}. */
    public static RootPartDigest start(HashAlgorithm algorithm, String boundary, SoapLimits limits) {
        return new RootPartDigest(Objects.requireNonNull(algorithm, "algorithm"), boundary, limits);
    }

    /**
     * Where the first part's body starts in {@code head}, the first bytes of a multipart body.
     *
     * @throws ZholException {@code MimeParsingFailed} when {@code head} does not reach the first part's body
     */
    public static int bodyOffset(byte[] head, String boundary, SoapLimits limits) {
        RootPartDigest scan = new RootPartDigest(HashAlgorithm.SHA256, boundary, limits);
        scan.update(head, 0, head.length);
        if (scan.bodyStart < 0) {
            throw failed("The multipart message's first part does not start within its first " + head.length
                    + " bytes");
        }
        return (int) scan.bodyStart;
    }

    /** Feeds the next bytes of the multipart body. */
    public RootPartDigest update(byte[] bytes, int offset, int count) {
        if (state == State.DONE) {
            return this;
        }
        if (length + count > window.length) {
            window = Arrays.copyOf(window, Math.max(window.length * 2, length + count));
        }
        System.arraycopy(bytes, offset, window, length, count);
        length += count;
        process(false);
        return this;
    }

    /**
     * The hash of the first part's body.
     *
     * @throws ZholException {@code MimeParsingFailed} when the body ended before the first part did
     */
    public RequestHash finish() {
        if (result == null) {
            process(true);
            if (state != State.DONE || bodyStart < 0) {
                throw failed("The multipart message ends before its first part does");
            }
            result = digest.finish();
        }
        return result;
    }

    // A state machine over window[0, length): skip or digest what cannot belong to a delimiter, stop at a
    // verified one, and keep a candidate's bytes until it can be judged.
    private void process(boolean eof) {
        while (state != State.DONE) {
            if (state == State.HEADERS) {
                if (!headerLine()) {
                    return;
                }
                continue;
            }
            int i = indexOf(delimiter);
            if (i < 0) {
                int keep = delimiter.length + MAX_PADDING + 4;
                if (length > keep) {
                    pass(length - keep);
                }
                return;
            }
            int verdict = verify(i, eof);
            if (verdict < 0) {
                pass(Math.max(0, i - 1));
                return;
            }
            if (verdict == 0) {
                pass(i + 1);
                continue;
            }
            if (state == State.BODY) {
                pass(i > 0 && window[i - 1] == '\r' ? i - 1 : i);
                state = State.DONE;
                return;
            }
            boolean closing = window[i + delimiter.length] == '-';
            skip(verdict);
            state = closing ? State.DONE : State.HEADERS;
        }
    }

    /** Consumes one header line if a whole one is there; false when more bytes are needed. */
    private boolean headerLine() {
        int nl = -1;
        for (int k = 0; k < length; k++) {
            if (window[k] == '\n') {
                nl = k;
                break;
            }
        }
        if (nl < 0) {
            if (headerBytes + length > maxHeaderBytes) {
                throw failed("The first part's headers are longer than " + maxHeaderBytes + " bytes");
            }
            return false;
        }
        boolean empty = nl == 0 || nl == 1 && window[0] == '\r';
        headerBytes += nl + 1;
        if (headerBytes > maxHeaderBytes) {
            throw failed("The first part's headers are longer than " + maxHeaderBytes + " bytes");
        }
        skip(nl + 1);
        if (empty) {
            state = State.BODY;
            bodyStart = consumed;
        }
        return true;
    }

    /** After the delimiter at {@code i}: the index past its line (> 0), 0 if it is not one, -1 if unsure. */
    private int verify(int i, boolean eof) {
        int p = i + delimiter.length;
        if (p + 2 > length) {
            return eof ? 0 : -1;
        }
        if (window[p] == '-' && window[p + 1] == '-') {
            return p + 2;
        }
        int q = p;
        while (q < length && q - p <= MAX_PADDING && (window[q] == ' ' || window[q] == '\t')) {
            q++;
        }
        if (q < length && window[q] == '\n') {
            return q + 1;
        }
        if (q + 1 < length && window[q] == '\r' && window[q + 1] == '\n') {
            return q + 2;
        }
        return q >= length - 1 && !eof && q - p <= MAX_PADDING ? -1 : 0;
    }

    /** Digests (in the body) or drops (elsewhere) the first {@code n} bytes. */
    private void pass(int n) {
        if (state == State.BODY) {
            digest.update(window, 0, n);
        }
        skip(n);
    }

    private void skip(int n) {
        System.arraycopy(window, n, window, 0, length - n);
        length -= n;
        consumed += n;
    }

    private int indexOf(byte[] pattern) {
        outer:
        for (int i = 0; i <= length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (window[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static ZholException failed(String detail) {
        return ZholException.client(ErrorCode.MIME_PARSING_FAILED, detail);
    }
}
