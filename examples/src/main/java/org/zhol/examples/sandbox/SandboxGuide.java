// SPDX-License-Identifier: MIT
package org.zhol.examples.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.zhol.examples.demo.DemoConsumer;
import org.zhol.examples.demo.PersonDirectory;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * What the sandbox tells its user once it is ready: where everything listens, the admin tokens, and
 * copy-paste examples (REST, SOAP with an envelope file written to the work directory, metaservices).
 */
public final class SandboxGuide {

    /** The SOAP example's envelope, written to the work directory. */
    public static final String SOAP_EXAMPLE = "getPerson.xml";

    /** The example's message id; the printed command replaces it, since an id is accepted once per client. */
    static final String EXAMPLE_ID = "sandbox-getPerson-example";

    private SandboxGuide() {
    }

    /** The example SOAP 4.0 request: TAXES asks REGISTRY's {@code getPerson} for {@code personId}. */
    public static String soapEnvelope(String personId) {
        return soapEnvelope(personId, EXAMPLE_ID);
    }

    /** The SOAP 4.0 request of TAXES for REGISTRY's {@code getPerson} of {@code personId}, with message id {@code messageId}. */
    public static String soapEnvelope(String personId, String messageId) {
        return DemoConsumer.soapEnvelope(Sandbox.TAXES, Sandbox.REGISTRY.service(Sandbox.SOAP_SERVICE), messageId,
                personId);
    }

    /** Writes the SOAP example's envelope into {@code workDir}: its path. */
    public static Path writeSoapExample(Path workDir) {
        Path file = workDir.resolve(SOAP_EXAMPLE);
        try {
            Files.writeString(file, soapEnvelope(PersonDirectory.FIRST_ID), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot write " + file, e);
        }
        return file;
    }

    /** The REST example's URL on SS1's client proxy for {@code personId}. */
    public static String restUrl(SandboxState state, String personId) {
        return clientProxy(state) + "/r1/" + Sandbox.REGISTRY.toPath() + "/" + Sandbox.REST_SERVICE + "/" + personId;
    }

    /** SS1's client proxy, {@code http://host:port}. */
    public static String clientProxy(SandboxState state) {
        return "http://" + state.host() + ":" + state.ports().ss1().clientHttp();
    }

    /** The whole text: endpoints, tokens, examples. {@code soapFile} is shown as given. */
    public static String text(SandboxState state, Path workDir, String soapFile, double readySeconds) {
        SandboxPorts p = state.ports();
        String h = state.host();
        String proxy = clientProxy(state);
        String client = "-H 'X-Road-Client: " + Sandbox.TAXES.toPath() + "'";
        String registry = proxy + "/r1/" + Sandbox.REGISTRY.toPath();
        StringBuilder out = new StringBuilder();
        out.append(String.format("Zhol sandbox ready in %.1f s: instance %s, work directory %s%n%n", readySeconds,
                Sandbox.INSTANCE, workDir));
        out.append(String.format("  SS1  %s (Tax Board), client subsystem %s%n", Sandbox.SS1.toPath(),
                Sandbox.TAXES.toPath()));
        out.append(servers(h, p.ss1(), state.ss1Token()));
        out.append(String.format("  SS2  %s (Population Register), provider subsystem %s%n", Sandbox.SS2.toPath(),
                Sandbox.REGISTRY.toPath()));
        out.append(servers(h, p.ss2(), state.ss2Token()));
        out.append(String.format("       services: %s (REST, http://%s:%d/persons), %s (REST, http://%s:%d/blobs), "
                + "%s (SOAP, http://%s:%d/soap)%n", Sandbox.REST_SERVICE, h, p.demo(), Sandbox.BLOBS_SERVICE, h,
                p.demo(), Sandbox.SOAP_SERVICE, h, p.demo()));
        out.append(String.format("  central server  registration https://%s:%d/  download http://%s:%d/  "
                + "admin http://%s:%d (token %s)%n", h, p.centralRegistration(), h, p.centralDownload(), h,
                p.centralAdmin(), state.centralToken()));
        out.append(String.format("  dev CA OCSP http://%s:%d/   TSA http://%s:%d/   demo provider http://%s:%d/%n%n",
                h, p.ocsp(), h, p.tsa(), h, p.demo()));
        String id = PersonDirectory.FIRST_ID;
        out.append("Try it (TAXES calls REGISTRY through SS1 and SS2; person id " + id + "):\n\n");
        out.append("  curl -i " + client + " " + registry + "/persons/" + id + "\n");
        out.append("  curl " + client + " '" + registry + "/persons/?name=Tamm'\n");
        out.append("  curl " + client + " -H 'Content-Type: application/json' -d '{\"address\":\"Pikk 1, Tallinn\"}' "
                + registry + "/persons/" + id + "/address-changes\n");
        // A message id is accepted once per client within the replay window (transport.md §13): a fresh one per run.
        out.append("  curl -H 'Content-Type: text/xml; charset=UTF-8' --data-binary @<(sed \"s/" + EXAMPLE_ID
                + "/" + EXAMPLE_ID + "-$(date +%s)-$RANDOM/\" " + soapFile + ") " + proxy + "/\n");
        out.append("  curl -H 'Accept: application/json' " + proxy + "/listClients\n");
        out.append("  curl " + client + " -H 'Accept: application/json' " + registry + "/listMethods\n");
        out.append("  curl " + client + " '" + registry + "/getOpenAPI?serviceCode=" + Sandbox.REST_SERVICE + "'\n\n");
        out.append("Admin APIs take 'Authorization: Bearer TOKEN', e.g.\n");
        out.append("  curl -H 'Authorization: Bearer " + state.ss2Token() + "' http://" + h + ":" + p.ss2().admin()
                + "/clients/" + Sandbox.REGISTRY.toPath().replace('/', ':') + "/access-rights\n\n");
        String workDirOption = workDir.equals(SandboxConfig.DEFAULT_WORK_DIR.toAbsolutePath().normalize()) ? ""
                : " --work-dir " + workDir;
        out.append("Evidence of the last exchange (both servers, request and response), verified offline:\n");
        out.append("  ./zhol sandbox evidence --last evidence/" + workDirOption + "\n");
        out.append("  ./zhol verify evidence/*.asice --trust evidence/trust-snapshot.json\n\n");
        out.append("Load from another terminal: ./zhol sandbox --load 1000" + workDirOption + "\n");
        out.append("Logs: " + workDir.resolve(SandboxMain.LOG_FILE) + ". Ctrl-C stops the sandbox (--keep "
                + "starts it again as it was).\n");
        return out.toString();
    }

    private static String servers(String h, SecurityServerPorts p, String token) {
        return String.format("       client proxy http://%s:%d and https://%s:%d, server proxy %s:%d, "
                + "admin http://%s:%d (token %s)%n", h, p.clientHttp(), h, p.clientHttps(), h, p.serverProxy(), h,
                p.admin(), token);
    }
}
