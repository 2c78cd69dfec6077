// SPDX-License-Identifier: MIT
package org.zhol.protocol.log;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.zhol.protocol.crypto.CadesVerifier;

/**
 * A checkpoint's canonical bytes and the detached CAdES signature over them, as received: nothing here
 * is verified ({@link CheckpointVerifier} does that). Its single-file form ({@link #encode}), used in
 * messages between servers and by the command line, is the checkpoint text, an empty line, and the
 * standard base64 of the DER CMS on one line:
 * <pre>
 * zhol-checkpoint/1
 * …four more checkpoint lines…
 *
 * MIIG…base64 CMS…
 * </pre>
 *
 * <p><b>Limits:</b> {@link Checkpoint#MAX_BYTES} and {@link CadesVerifier#MAX_SIGNATURE_BYTES}.
 *
 * @param checkpoint the checkpoint's canonical bytes (copied)
 * @param signature  the DER CMS {@code ContentInfo} (copied)
 */
public record SignedCheckpoint(byte[] checkpoint, byte[] signature) {

    public SignedCheckpoint {
        checkpoint = checkpoint.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] checkpoint() {
        return checkpoint.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The single-file form. */
    public byte[] encode() {
        String text = new String(checkpoint, StandardCharsets.UTF_8) + "\n"
                + Base64.getEncoder().encodeToString(signature) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Splits the single-file form; neither part is checked beyond its size and the base64.
     *
     * @throws org.zhol.protocol.error.ZholException {@code MalformedHashChain} when it is not one
     */
    public static SignedCheckpoint decode(byte[] bytes) {
        int max = Checkpoint.MAX_BYTES + CadesVerifier.MAX_SIGNATURE_BYTES * 4 / 3 + 8;
        if (bytes.length > max) {
            throw LogText.malformed("The signed checkpoint is longer than " + max + " bytes");
        }
        int split = indexOf(bytes, new byte[] {'\n', '\n'});
        if (split < 0 || bytes[bytes.length - 1] != '\n') {
            throw LogText.malformed("The signed checkpoint has no empty line between checkpoint and signature");
        }
        byte[] checkpoint = Arrays.copyOf(bytes, split + 1);
        String base64 = new String(bytes, split + 2, bytes.length - split - 3, StandardCharsets.US_ASCII);
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw LogText.malformed("The checkpoint signature is not base64");
        }
        SignedCheckpoint signed = new SignedCheckpoint(checkpoint, signature);
        LogText.requireCanonical(bytes, signed.encode(), "signed checkpoint");
        return signed;
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedCheckpoint that && Arrays.equals(checkpoint, that.checkpoint)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(checkpoint) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SignedCheckpoint[" + new String(checkpoint, StandardCharsets.UTF_8).replace('\n', ' ').strip() + "]";
    }
}
