// SPDX-License-Identifier: MIT
package org.zhol.examples.sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.zhol.examples.devtrust.DevCa;
import org.zhol.examples.devtrust.DevOcspResponder;
import org.zhol.examples.devtrust.DevTsa;
import org.zhol.protocol.cert.CertificateRole;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * The federation's development trust services in this process: the dev CA (in {@code dir/ca}) with its
 * OCSP responder, and the dev TSA (in {@code dir/tsa}). Both keep their keys on disk, so a restart over
 * the same directory brings back the same CA and TSA.
 */
public final class DevTrustServices implements AutoCloseable {

    private final DevCa ca;
    private final DevOcspResponder ocsp;
    private final DevTsa tsa;

    private DevTrustServices(DevCa ca, DevOcspResponder ocsp, DevTsa tsa) {
        this.ca = ca;
        this.ocsp = ocsp;
        this.tsa = tsa;
    }

    /**
     * Starts the CA, its responder on {@code host:ocspPort} and the TSA on {@code host:tsaPort} (0 = any
     * free port).
     *
     * @throws ZholException {@code IOError} when a port cannot be bound or the files cannot be written
     */
    public static DevTrustServices start(Path dir, String host, int ocspPort, int tsaPort) {
        DevCa ca = new DevCa(dir.resolve("ca"));
        ca.start();
        DevOcspResponder ocsp = new DevOcspResponder(ca, new InetSocketAddress(host, ocspPort));
        ocsp.start();
        DevTsa tsa = new DevTsa(dir.resolve("tsa"), new InetSocketAddress(host, tsaPort));
        try {
            tsa.start();
        } catch (IOException e) {
            ocsp.close();
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot start the dev TSA on " + host + ":" + tsaPort
                    + ": " + e.getMessage(), e);
        }
        return new DevTrustServices(ca, ocsp, tsa);
    }

    public DevCa ca() {
        return ca;
    }

    public DevOcspResponder ocsp() {
        return ocsp;
    }

    public DevTsa tsa() {
        return tsa;
    }

    /** Has the CA certify a PEM certification request for {@code role}: the certificate as base64 DER. */
    public String certify(String csrPem, CertificateRole role) {
        PKCS10CertificationRequest csr;
        try {
            csr = new PKCS10CertificationRequest(Base64.getMimeDecoder().decode(
                    csrPem.replaceAll("-----[A-Z ]+-----", "").strip()));
        } catch (IOException | IllegalArgumentException e) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "Not a PEM certification request");
        }
        return base64(ca.issue(csr, role));
    }

    /** A certificate as base64 DER, the form both admin APIs accept besides PEM. */
    public static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot encode a certificate", e);
        }
    }

    @Override
    public void close() {
        tsa.close();
        ocsp.close();
        ca.close();
    }
}
