# SPDX-License-Identifier: MIT
# Writes the REST r1 test vectors (*.json) of this directory; see README.md. Run: python3 generate.py
import json, hashlib, base64, os
OUT = os.path.dirname(os.path.abspath(__file__))
os.makedirs(OUT, exist_ok=True)
for f in [x for x in os.listdir(OUT) if x.endswith(".json")]:
    os.remove(os.path.join(OUT, f))
n = 0
def v(name, **d):
    global n
    with open(os.path.join(OUT, name + ".json"), "w") as fh:
        json.dump(d, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    n += 1

SVC = "DEV/COM/222/TESTSERVICE/petstore"
PET = "https://petstore.niis.org/"
# ---- request targets: PR-REST examples
v("target-4.1-bar-service-with-path-and-query", kind="target", source="PR-REST 4.1 request example",
  input="/r1/INSTANCE/CLASS2/MEMBER2/SUBSYSTEM2/BARSERVICE/v1/bar/zyggy?quu=1",
  expect={"service": "INSTANCE/CLASS2/MEMBER2/SUBSYSTEM2/BARSERVICE", "servicePath": "/v1/bar/zyggy", "query": "quu=1"},
  providerBase="https://barservice.example.org/", providerUri="https://barservice.example.org/v1/bar/zyggy?quu=1")
v("target-4.2-encoded-identifier-parts-valid", kind="target", source="PR-REST 4.2: parts encoded separately, separators literal",
  input="/r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM/BAR%2DSERVICE",
  expect={"service": "INSTANCE/CLASS/MEMBER/SUBSYSTEM/BAR-SERVICE", "servicePath": "", "query": None},
  emitted="/r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM/BAR-SERVICE")
for sec, method, path in [("6.2", "get", "/v2/pets/1124"), ("6.3", "put", "/v2/pets/5657082955040009"),
                          ("6.4", "post", "/v2/pets"), ("6.5", "delete", "/v2/pets/1124"),
                          ("6.6", "post-images", "/v2/pets/1124/images")]:
    v(f"target-{sec}-petstore-{method}", kind="target", source=f"PR-REST {sec}, serviceId as in its response headers",
      input="/r1/" + SVC + path, expect={"service": SVC, "servicePath": path, "query": None},
      providerBase=PET, providerUri="https://petstore.niis.org" + path)
v("target-service-without-path", kind="target", input="/r1/EE/GOV/70000310/TAXES/getTax",
  expect={"service": "EE/GOV/70000310/TAXES/getTax", "servicePath": "", "query": None},
  providerBase="https://tax.example.org/api", providerUri="https://tax.example.org/api")
v("target-trailing-slash-is-service-path", kind="target", input="/r1/EE/GOV/70000310/TAXES/getTax/",
  expect={"service": "EE/GOV/70000310/TAXES/getTax", "servicePath": "/", "query": None},
  providerBase="https://tax.example.org/api", providerUri="https://tax.example.org/api/")
v("target-empty-query-kept", kind="target", input="/r1/EE/GOV/1/SUB/svc?",
  expect={"service": "EE/GOV/1/SUB/svc", "servicePath": "", "query": ""},
  providerBase="https://p.example.org", providerUri="https://p.example.org/?")
v("target-query-passed-unmodified", kind="target", source="PR-REST 4.5",
  input="/r1/EE/GOV/1/SUB/svc/search?q=a%20b&q=c+d&x=%2F..%2F&y=?",
  expect={"service": "EE/GOV/1/SUB/svc", "servicePath": "/search", "query": "q=a%20b&q=c+d&x=%2F..%2F&y=?"},
  providerBase="http://10.0.0.1:8080/base/", providerUri="http://10.0.0.1:8080/base/search?q=a%20b&q=c+d&x=%2F..%2F&y=?")
v("target-identifier-with-question-mark-encoded", kind="target", input="/r1/EE/GOV/1/SUB/what%3F/x",
  expect={"service": "EE/GOV/1/SUB/what?", "servicePath": "/x", "query": None}, emitted="/r1/EE/GOV/1/SUB/what%3F/x")
v("target-identifier-symbols-literal", kind="target", input="/r1/EE/GOV/a'b(c)+d,e=f/SUB/s-1.0",
  expect={"service": "EE/GOV/a'b(c)+d,e=f/SUB/s-1.0", "servicePath": "", "query": None})
v("target-identifier-plus-is-not-space", kind="target", input="/r1/EE/GOV/a+b/SUB/svc",
  expect={"service": "EE/GOV/a+b/SUB/svc", "servicePath": "", "query": None})
v("target-identifier-dot-encoded-whole", kind="target", input="/r1/EE/GOV/%2E%2E/SUB/svc",
  expect={"service": "EE/GOV/../SUB/svc", "servicePath": "", "query": None}, emitted="/r1/EE/GOV/%2E%2E/SUB/svc")
v("target-service-path-keeps-escapes", kind="target", input="/r1/EE/GOV/1/SUB/svc/a%20b/%C3%A4/%FF/x+y",
  expect={"service": "EE/GOV/1/SUB/svc", "servicePath": "/a%20b/%C3%A4/%FF/x+y", "query": None})
v("target-service-path-dots-inside-segment-ok", kind="target", input="/r1/EE/GOV/1/SUB/svc/a..b/.hidden/...",
  expect={"service": "EE/GOV/1/SUB/svc", "servicePath": "/a..b/.hidden/...", "query": None})
v("target-service-path-empty-segments-kept", kind="target", input="/r1/EE/GOV/1/SUB/svc//a//",
  expect={"service": "EE/GOV/1/SUB/svc", "servicePath": "//a//", "query": None})

# ---- request targets: invalid
bad = [
  ("empty", "", "BadRequest"),
  ("root-only", "/", "BadRequest"),
  ("absolute-form", "http://ss.example.org/r1/EE/GOV/1/SUB/svc", "BadRequest"),
  ("relative", "r1/EE/GOV/1/SUB/svc", "BadRequest"),
  ("version-r2", "/r2/EE/GOV/1/SUB/svc", "InvalidProtocolVersion"),
  ("version-v1", "/v1/EE/GOV/1/SUB/svc", "InvalidProtocolVersion"),
  ("version-uppercase-R1", "/R1/EE/GOV/1/SUB/svc", "InvalidProtocolVersion"),
  ("version-encoded-r1", "/%721/EE/GOV/1/SUB/svc", "InvalidProtocolVersion"),
  ("version-only", "/r1", "BadRequest"),
  ("version-r2-only", "/r2", "InvalidProtocolVersion"),
  ("too-few-segments-4", "/r1/EE/GOV/1/SUB", "BadRequest"),
  ("too-few-segments-member-service", "/r1/EE/GOV/1/svc", "BadRequest"),
  ("4.2-invalid-all-slashes-encoded", "/r1/INSTANCE%2FCLASS%2FMEMBER%2FSUBSYSTEM%2FBARSERVICE", "BadRequest"),
  ("4.2-encoded-slash-in-service-code", "/r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM/BAR%2FSERVICE", "InvalidClientIdentifier"),
  ("encoded-slash-lowercase-in-member", "/r1/EE/GOV/a%2fb/SUB/svc", "InvalidClientIdentifier"),
  ("identifier-colon", "/r1/EE/GOV/12:3/SUB/svc", "InvalidClientIdentifier"),
  ("identifier-encoded-space", "/r1/EE/GOV/1%202/SUB/svc", "InvalidClientIdentifier"),
  ("identifier-non-ascii", "/r1/EE/GOV/%C3%A4/SUB/svc", "InvalidClientIdentifier"),
  ("identifier-encoded-percent", "/r1/EE/GOV/1%252/SUB/svc", "InvalidClientIdentifier"),
  ("identifier-encoded-nul", "/r1/EE/GOV/1%00/SUB/svc", "InvalidClientIdentifier"),
  ("identifier-empty", "/r1/EE//1/SUB/svc", "InvalidClientIdentifier"),
  ("identifier-semicolon", "/r1/EE/GOV/1;x/SUB/svc", "InvalidClientIdentifier"),
  ("identifier-dot-segment", "/r1/EE/GOV/../SUB/svc", "BadRequest"),
  ("identifier-single-dot", "/r1/EE/./1/SUB/svc", "BadRequest"),
  ("service-path-dotdot", "/r1/EE/GOV/1/SUB/svc/a/../b", "BadRequest"),
  ("service-path-dot", "/r1/EE/GOV/1/SUB/svc/./b", "BadRequest"),
  ("service-path-trailing-dotdot", "/r1/EE/GOV/1/SUB/svc/a/..", "BadRequest"),
  ("service-path-encoded-dotdot-lower", "/r1/EE/GOV/1/SUB/svc/%2e%2e/admin", "BadRequest"),
  ("service-path-encoded-dotdot-mixed", "/r1/EE/GOV/1/SUB/svc/.%2E/admin", "BadRequest"),
  ("service-path-encoded-dot", "/r1/EE/GOV/1/SUB/svc/%2e/admin", "BadRequest"),
  ("service-path-encoded-slash", "/r1/EE/GOV/1/SUB/svc/a%2F..%2Fb", "BadRequest"),
  ("service-path-encoded-backslash", "/r1/EE/GOV/1/SUB/svc/..%5Cadmin", "BadRequest"),
  ("service-path-encoded-newline", "/r1/EE/GOV/1/SUB/svc/a%0D%0AX-Injected:1", "BadRequest"),
  ("service-path-encoded-del", "/r1/EE/GOV/1/SUB/svc/a%7F", "BadRequest"),
  ("escape-bad-hex", "/r1/EE/GOV/1/SUB/svc/%G1", "BadRequest"),
  ("escape-truncated-end", "/r1/EE/GOV/1/SUB/svc/a%4", "BadRequest"),
  ("escape-lone-percent", "/r1/EE/GOV/1/SUB/svc/%", "BadRequest"),
  ("escape-bad-in-identifier", "/r1/EE/GOV/1%/SUB/svc", "BadRequest"),
  ("escape-invalid-utf8-in-identifier", "/r1/EE/GOV/%C3%28/SUB/svc", "BadRequest"),
  ("escape-overlong-utf8-in-identifier", "/r1/EE/GOV/%C0%AF/SUB/svc", "BadRequest"),
  ("escape-bad-in-query", "/r1/EE/GOV/1/SUB/svc?a=%ZZ", "BadRequest"),
  ("raw-space", "/r1/EE/GOV/1/SUB/svc/a b", "BadRequest"),
  ("raw-control-char", "/r1/EE/GOV/1/SUB/svc/a\u0001", "BadRequest"),
  ("raw-crlf-in-query", "/r1/EE/GOV/1/SUB/svc?a=1\r\nHost: evil", "BadRequest"),
  ("raw-non-ascii", "/r1/EE/GOV/1/SUB/svc/\u00e4", "BadRequest"),
  ("raw-backslash", "/r1/EE/GOV/1/SUB/svc/..\\admin", "BadRequest"),
  ("fragment", "/r1/EE/GOV/1/SUB/svc/a#frag", "BadRequest"),
]
for name, inp, code in bad:
    v("target-invalid-" + name, kind="target", input=inp, fault=code)
v("target-invalid-too-long", kind="target", input="/r1/EE/GOV/1/SUB/svc/", padTo=8193, fault="BadRequest")
v("target-longest-accepted", kind="target", input="/r1/EE/GOV/1/SUB/svc/", padTo=8192,
  expect={"service": "EE/GOV/1/SUB/svc", "servicePath": None, "query": None})
v("provider-uri-invalid-ftp-base", kind="target", input="/r1/EE/GOV/1/SUB/svc/a",
  expect={"service": "EE/GOV/1/SUB/svc", "servicePath": "/a", "query": None},
  providerBase="ftp://files.example.org/", providerFault="ServiceMalformedUrl")
v("provider-uri-invalid-base-with-query", kind="target", input="/r1/EE/GOV/1/SUB/svc/a",
  expect={"service": "EE/GOV/1/SUB/svc", "servicePath": "/a", "query": None},
  providerBase="https://p.example.org/x?key=1", providerFault="ServiceMalformedUrl")
v("provider-uri-invalid-relative-base", kind="target", input="/r1/EE/GOV/1/SUB/svc/a",
  expect={"service": "EE/GOV/1/SUB/svc", "servicePath": "/a", "query": None},
  providerBase="/just/a/path", providerFault="ServiceMalformedUrl")

# ---- request headers
v("request-headers-4.1-client-subsystem", kind="requestHeaders", source="PR-REST 4.1",
  headers=[["X-Road-Client", "INSTANCE/CLASS1/MEMBER1/SUBSYSTEM1"]],
  expect={"client": "INSTANCE/CLASS1/MEMBER1/SUBSYSTEM1"})
v("request-headers-4.3-client-lowercase-name", kind="requestHeaders", source="PR-REST 4.3: names are case-insensitive",
  headers=[["x-road-client", "INSTANCE/CLASS/MEMBER/SUBSYSTEM"]], expect={"client": "INSTANCE/CLASS/MEMBER/SUBSYSTEM"})
v("request-headers-client-member-only", kind="requestHeaders", source="PR-REST 4.1: subsystem is optional",
  headers=[["X-Road-Client", "INSTANCE/CLASS/MEMBER"]], expect={"client": "INSTANCE/CLASS/MEMBER"})
v("request-headers-4.3-optional-headers", kind="requestHeaders", source="PR-REST 4.3 optional X-Road headers",
  headers=[["X-Road-Client", "INSTANCE/CLASS/MEMBER/SUBSYSTEM"], ["X-Road-Id", "fa2e18a5-c2cb-4d09-b994-f57727f7c3fb"],
           ["X-Road-UserId", "EE12345678901"], ["X-Road-Issue", "MT324223MSD"]],
  expect={"client": "INSTANCE/CLASS/MEMBER/SUBSYSTEM", "messageId": "fa2e18a5-c2cb-4d09-b994-f57727f7c3fb",
          "userId": "EE12345678901", "issue": "MT324223MSD"})
v("request-headers-4.3-security-server", kind="requestHeaders", source="PR-REST 4.3 X-Road-Security-Server",
  headers=[["X-Road-Client", "INSTANCE/CLASS/MEMBER/SUBSYSTEM"], ["X-Road-Security-Server", "INSTANCE/MEMBERCLASS/MEMBERCODE/SERVERCODE"]],
  expect={"client": "INSTANCE/CLASS/MEMBER/SUBSYSTEM", "securityServer": "INSTANCE/MEMBERCLASS/MEMBERCODE/SERVERCODE"})
for sec, extra in [("6.2", [["accept", "application/json"]]),
                   ("6.3", [["accept", "application/json"], ["Content-Type", "application/json"]]),
                   ("6.4", [["accept", "application/json"], ["Content-Type", "application/json"]]),
                   ("6.5", [["accept", "application/json"]]),
                   ("6.6", [["accept", "application/json"], ["Content-Type", "multipart/form-data"]])]:
    name = "X-Road-client" if sec == "6.6" else "X-Road-Client"
    v(f"request-headers-{sec}-petstore", kind="requestHeaders", source=f"PR-REST {sec} curl call through X-Road",
      headers=extra + [[name, "DEV/COM/222/TESTCLIENT"]], expect={"client": "DEV/COM/222/TESTCLIENT"})
v("request-headers-percent-encoded-parts", kind="requestHeaders",
  headers=[["X-Road-Client", "EE/GOV/a%3Fb/S%2Du%20"[:-3]]], expect={"client": "EE/GOV/a?b/S-u"})
v("request-headers-value-whitespace-trimmed", kind="requestHeaders",
  headers=[["X-Road-Client", "  EE/GOV/1/SUB\t"]], expect={"client": "EE/GOV/1/SUB"})
v("request-headers-represented-party", kind="requestHeaders",
  headers=[["X-Road-Client", "EE/GOV/1/SUB"], ["X-Road-Represented-Party", "COM/12345"], ["X-Road-Request-Id", "f92591a3-6bf0-49b1-987b-0dd78c034cc3"]],
  expect={"client": "EE/GOV/1/SUB", "representedParty": "COM/12345", "requestId": "f92591a3-6bf0-49b1-987b-0dd78c034cc3"})
v("request-headers-represented-party-code-only", kind="requestHeaders",
  headers=[["X-Road-Client", "EE/GOV/1/SUB"], ["X-Road-Represented-Party", "12345"]],
  expect={"client": "EE/GOV/1/SUB", "representedParty": "12345"})
v("request-headers-unknown-x-road-headers-ignored", kind="requestHeaders", source="PR-REST 4.3: other X-Road extension headers are user headers",
  headers=[["X-Road-Client", "EE/GOV/1/SUB"], ["X-Road-Custom", "a"], ["X-Road-Custom", "b"], ["X-Powered-By", "PHP/5.2.17"]],
  expect={"client": "EE/GOV/1/SUB"})
hbad = [
  ("missing-client", [["Accept", "application/json"]], "InvalidClientIdentifier"),
  ("duplicate-client", [["X-Road-Client", "EE/GOV/1/SUB"], ["x-road-client", "EE/GOV/2/SUB"]], "DuplicateHeaderField"),
  ("duplicate-client-same-value", [["X-Road-Client", "EE/GOV/1/SUB"], ["X-Road-Client", "EE/GOV/1/SUB"]], "DuplicateHeaderField"),
  ("duplicate-id", [["X-Road-Client", "EE/GOV/1/SUB"], ["X-Road-Id", "a"], ["X-ROAD-ID", "b"]], "DuplicateHeaderField"),
  ("duplicate-security-server", [["X-Road-Client", "EE/GOV/1/SUB"], ["X-Road-Security-Server", "EE/GOV/1/SS1"], ["X-Road-Security-Server", "EE/GOV/1/SS2"]], "DuplicateHeaderField"),
  ("client-two-parts", [["X-Road-Client", "EE/GOV"]], "InvalidClientIdentifier"),
  ("client-five-parts", [["X-Road-Client", "EE/GOV/1/SUB/x"]], "InvalidClientIdentifier"),
  ("client-empty", [["X-Road-Client", ""]], "InvalidClientIdentifier"),
  ("client-empty-part", [["X-Road-Client", "EE//1/SUB"]], "InvalidClientIdentifier"),
  ("client-colon", [["X-Road-Client", "EE/GOV/1:2/SUB"]], "InvalidClientIdentifier"),
  ("client-encoded-slash", [["X-Road-Client", "EE/GOV/1%2F2/SUB"]], "InvalidClientIdentifier"),
  ("client-bad-escape", [["X-Road-Client", "EE/GOV/1%G/SUB"]], "InvalidClientIdentifier"),
  ("client-non-ascii", [["X-Road-Client", "EE/GOV/\u00e4/SUB"]], "InvalidClientIdentifier"),
  ("client-display-form", [["X-Road-Client", "SUBSYSTEM:EE/GOV/1/SUB"]], "InvalidClientIdentifier"),
  ("security-server-three-parts", [["X-Road-Client", "EE/GOV/1/SUB"], ["X-Road-Security-Server", "EE/GOV/1"]], "InvalidClientIdentifier"),
  ("security-server-bad-char", [["X-Road-Client", "EE/GOV/1/SUB"], ["X-Road-Security-Server", "EE/GOV/1/S%20S"]], "InvalidClientIdentifier"),
  ("represented-party-three-parts", [["X-Road-Client", "EE/GOV/1/SUB"], ["X-Road-Represented-Party", "a/b/c"]], "BadRequest"),
  ("represented-party-bad-char", [["X-Road-Client", "EE/GOV/1/SUB"], ["X-Road-Represented-Party", "COM/1%3A2"]], "BadRequest"),
  ("empty-message-id", [["X-Road-Client", "EE/GOV/1/SUB"], ["X-Road-Id", "  "]], "BadRequest"),
  ("control-char-in-user-id", [["X-Road-Client", "EE/GOV/1/SUB"], ["X-Road-UserId", "EE1\u00072"]], "BadRequest"),
  ("crlf-in-value", [["X-Road-Client", "EE/GOV/1/SUB\r\nX-Evil: 1"]], "BadRequest"),
  ("invalid-header-name", [["X-Road-Client", "EE/GOV/1/SUB"], ["X Road Id", "1"]], "BadRequest"),
]
for name, hs, code in hbad:
    v("request-headers-invalid-" + name, kind="requestHeaders", headers=hs, fault=code)
v("request-headers-invalid-too-many", kind="requestHeaders", headers=[["X-Road-Client", "EE/GOV/1/SUB"]],
  padHeaders=200, fault="BadRequest")
v("request-headers-invalid-value-too-long", kind="requestHeaders", headers=[["X-Road-Client", "EE/GOV/1/SUB"], ["X-Road-Issue", "x"]],
  padLastValueTo=8193, fault="BadRequest")

# ---- response headers
def resp(xid, hsh, lower=True):
    names = ["x-road-id", "x-road-client", "x-road-service", "x-road-request-id", "x-road-request-hash"] if lower else \
            ["X-Road-Id", "X-Road-Client", "X-Road-Service", "X-Road-Request-Id", "X-Road-Request-Hash"]
    vals = [xid, "DEV/COM/222/TESTCLIENT", SVC, "f92591a3-6bf0-49b1-987b-0dd78c034cc3", hsh]
    return [[a, b] for a, b in zip(names, vals)]
def rexp(xid, hsh):
    return {"client": "DEV/COM/222/TESTCLIENT", "service": SVC, "messageId": xid,
            "requestId": "f92591a3-6bf0-49b1-987b-0dd78c034cc3", "requestHash": hsh}
examples = [
  ("4.6-example-1-provider-405", "5ea48ae9-15c1-465a-be15-9b6ef2c7ef4a", "yFOLGuJ0zmLhZSgwp3ooSBQbR9ejSvTc6p6FvBmcSEB2tDD6bxpjiv8sHORxqz4MMgEADH7IcARNprLfEwudNw==", [["Content-Type", "application/json;charset=utf-8"], ["Date", "Thu, 21 Mar 2019 09:45:19 GMT"]], [["Content-Length", "159"]]),
  ("6.2-petstore-get", "29f4d011-ef17-4f2f-9bb1-0452ce17d3f5", "Xvx9V2U5c5RhDUiXpVLtW7L8vTd5cM2IOBU2n9efEk7/m3ECKyGAp7yTpJpTWpo6HcmwSaGO+cinxMVKjxJTOQ==", [["Content-Type", "application/json;charset=utf-8"], ["Date", "Thu, 21 Mar 2019 12:36:39 GMT"]], [["Content-Length", "1148"]]),
  ("6.3-petstore-put", "acdb2c7a-c705-41c2-b595-4cd62e78316e", "MOEfTqBjdqYiX3db9hxJ6JvHvCpYqfA6t0Uhdv6g2I29fMY8ld4CbN8tslj6mUQPXoRaUdPm7NdZeAYTg6zi+A==", [["Date", "Thu, 21 Mar 2019 12:43:33 GMT"]], [["Content-Length", "0"]]),
  ("6.4-petstore-post", "dcaaa3a2-a158-41e1-8775-309848052358", "VCNZdwTxl7m3XC6Mpfw1H6qJUtBcm3Y6tfCvg5b3W/fb2RRXsLF9wftR3u6ElclE+RFaiAN/OkSz02fAYbNKaw==", [["Date", "Thu, 21 Mar 2019 12:49:38 GMT"]], [["Content-Length", "0"]]),
  ("6.5-petstore-delete", "6209d61b-6ab5-4443-a09a-b8d2a7c491b2", "lQBoldcyuI3BerjHfkleRQ45AyYoFlF7zXSN6yH/RwvTNWEcsTQM18EfqMxYfdkyGGB26oxAjAWv/AcfmZF7og==", [["Date", "Thu, 21 Mar 2019 12:49:38 GMT"]], [["Content-Length", "0"]]),
  ("6.6-petstore-post-images", "86e081a6-ec16-4b8d-b729-963f9659a80c", "EycIkZAz4WMvbKgnBvd0wUcN4A4w0RZMvugD36ZJ2PpwwGZuMGfxCoO4C0ZC3c4LBGF0rh61vunL3ssZV6TB3Q==", [["Content-Type", "application/json;charset=utf-8"], ["Date", "Thu, 21 Mar 2019 13:02:29 GMT"]], [["Content-Length", "100"]]),
]
for name, xid, hsh, pre, post in examples:
    v("response-headers-" + name, kind="responseHeaders", source="PR-REST " + name.split("-")[0],
      headers=pre + resp(xid, hsh) + post, expect=rexp(xid, hsh))
v("response-headers-4.3-header-list", kind="responseHeaders", source="PR-REST 4.3 response header list (its hash value is a UUID)",
  headers=[["X-Road-Client", "INSTANCE/CLASS/MEMBER/SUBSYSTEM"], ["X-Road-Service", "INSTANCE/CLASS/MEMBER/SUBSYSTEM/PETSTORE"],
           ["X-Road-Id", "fa2e18a5-c2cb-4d09-b994-f57727f7c3fb"], ["X-Road-Request-Hash", "4c519cf0-0e5e-4ccf-b72b-8ed6fe289e6e"],
           ["X-Road-Request-Id", "f92591a3-6bf0-49b1-987b-0dd78c034cc3"]],
  expect={"client": "INSTANCE/CLASS/MEMBER/SUBSYSTEM", "service": "INSTANCE/CLASS/MEMBER/SUBSYSTEM/PETSTORE",
          "messageId": "fa2e18a5-c2cb-4d09-b994-f57727f7c3fb", "requestHash": "4c519cf0-0e5e-4ccf-b72b-8ed6fe289e6e",
          "requestId": "f92591a3-6bf0-49b1-987b-0dd78c034cc3"})
v("response-headers-4.3-request-hash-example", kind="responseHeaders", source="PR-REST 4.3 request hash header",
  headers=[["X-Road-Request-Hash", "14sEri8SmLNy/DJyTob0ZddAskmdRy5ZUyhbr33iLkaA+gLpWcivUH16fzbuIs7hhs2AnA4lJDloyIihXMlVQA=="]],
  expect={"requestHash": "14sEri8SmLNy/DJyTob0ZddAskmdRy5ZUyhbr33iLkaA+gLpWcivUH16fzbuIs7hhs2AnA4lJDloyIihXMlVQA=="})
for nm, code, st in [("4.6-example-2", "Server.ServerProxy.NetworkError", "Thu, 21 Mar 2019 11:42:03 GMT"),
                     ("4.6-example-3", "Client.BadRequest", "Thu, 21 Mar 2019 11:45:12 GMT"),
                     ("4.6-example-4", "Server.ServerProxy.DatabaseError", "Thu, 21 Mar 2019 11:57:11 GMT")]:
    v("response-headers-" + nm + "-error-only", kind="responseHeaders", source="PR-REST " + nm,
      headers=[["Date", st], ["Content-Type", "application/json;charset=utf-8"], ["X-Road-Error", code]],
      expect={"error": code, "errorCode": code})
v("response-headers-error-snake-case", kind="responseHeaders", source="X-Road 7.8 lower-case codes",
  headers=[["X-Road-Error", "server.clientproxy.outdated_global_conf"]],
  expect={"error": "server.clientproxy.outdated_global_conf", "errorCode": "Server.ClientProxy.OutdatedGlobalConf"})
v("response-headers-invalid-duplicate-hash", kind="responseHeaders",
  headers=[["X-Road-Request-Hash", "a"], ["x-road-request-hash", "b"]], fault="DuplicateHeaderField")
v("response-headers-invalid-service-four-parts", kind="responseHeaders",
  headers=[["X-Road-Service", "DEV/COM/222/TESTSERVICE"]], fault="InvalidClientIdentifier")
v("response-headers-invalid-client-bad-char", kind="responseHeaders",
  headers=[["X-Road-Client", "DEV/COM/2:22/TESTCLIENT"]], fault="InvalidClientIdentifier")

# ---- header filter
v("filter-4.3-filtered-and-user-headers", kind="filter", mode="forward", source="PR-REST 4.3 filtered, user-defined and cache headers",
  headers=[["Connection", "keep-alive, X-Secret"], ["Keep-Alive", "timeout=5"], ["Proxy-Authenticate", "Basic"],
           ["Proxy-Authorization", "Basic eA=="], ["Proxy-Connection", "close"], ["TE", "trailers"], ["Trailer", "Expires"],
           ["Transfer-Encoding", "chunked"], ["Upgrade", "h2c"], ["Host", "ss.example.org"], ["User-Agent", "curl/8"],
           ["Server", "nginx"], ["Content-Length", "10"], ["Expect", "100-continue"], ["X-Secret", "s"],
           ["X-Powered-By", "PHP/5.2.17"], ["X-Pingback", "https://example.com/xmlrpc.php"],
           ["Cache-Control", "no-cache, no-store, must-revalidate"], ["Pragma", "no-cache"],
           ["Content-Type", "application/json; charset=utf-8"], ["Accept", "application/xml"], ["Authorization", "Bearer x.y.z"]],
  expect=[["X-Powered-By", "PHP/5.2.17"], ["X-Pingback", "https://example.com/xmlrpc.php"],
          ["Cache-Control", "no-cache, no-store, must-revalidate"], ["Pragma", "no-cache"],
          ["Content-Type", "application/json; charset=utf-8"], ["Accept", "application/xml"], ["Authorization", "Bearer x.y.z"]])
v("filter-request-drops-server-set-headers", kind="filter", mode="request", source="PR-REST 4.3: request SHOULD NOT carry the hash",
  headers=[["X-Road-Client", "EE/GOV/1/SUB"], ["X-Road-Request-Id", "forged"], ["X-Road-Request-Hash", "forged"],
           ["X-Road-Id", "m1"], ["accept", "application/json"]],
  expect=[["X-Road-Client", "EE/GOV/1/SUB"], ["X-Road-Id", "m1"], ["accept", "application/json"]])
v("filter-response-drops-provider-x-road-headers", kind="filter", mode="response", source="PR-REST 4.3: provider SHOULD NOT set them",
  headers=[["Content-Type", "application/json"], ["X-Road-Client", "x"], ["x-road-service", "x"], ["X-Road-Id", "x"],
           ["X-Road-Request-Id", "x"], ["X-Road-Request-Hash", "x"], ["X-Road-Error", "Server.ServerProxy.Fake"],
           ["X-Road-Custom", "kept"], ["Connection", "close"]],
  expect=[["Content-Type", "application/json"], ["X-Road-Custom", "kept"]])

# ---- request hash (expected values from this independent Python implementation)
def h(method, target, headers, body):
    head = (method + "\r\n" + target + "\r\n" + "".join(f"{a}:{b}\r\n" for a, b in headers)).encode()
    hd = hashlib.sha512(head).digest()
    if body:
        hd = hashlib.sha512(hd + hashlib.sha512(body.encode()).digest()).digest()
    return base64.b64encode(hd).decode()
hs62 = [["accept", "application/json"], ["X-Road-Client", "DEV/COM/222/TESTCLIENT"],
        ["X-Road-Request-Id", "f92591a3-6bf0-49b1-987b-0dd78c034cc3"], ["X-Road-Id", "DEV-29f4d011-ef17-4f2f-9bb1-0452ce17d3f5"]]
v("hash-6.2-get-no-body", kind="hash", method="GET", target="/r1/" + SVC + "/v2/pets/1124", headers=hs62, body="",
  expect=h("GET", "/r1/" + SVC + "/v2/pets/1124", hs62, ""))
body63 = '{ "id": 0, "category": { "id": 0, "name": "string" }, "name": "doggie", "photoUrls": [ "string" ], "tags": [ { "id": 0, "name": "string" } ], "status": "available"}'
hs63 = [["accept", "application/json"], ["Content-Type", "application/json"], ["X-Road-Client", "DEV/COM/222/TESTCLIENT"],
        ["X-Road-Request-Id", "f92591a3-6bf0-49b1-987b-0dd78c034cc3"], ["X-Road-Id", "DEV-acdb2c7a-c705-41c2-b595-4cd62e78316e"]]
v("hash-6.3-put-with-body", kind="hash", method="PUT", target="/r1/" + SVC + "/v2/pets/5657082955040009", headers=hs63, body=body63,
  expect=h("PUT", "/r1/" + SVC + "/v2/pets/5657082955040009", hs63, body63))
v("hash-4.1-get-with-query", kind="hash", method="GET", target="/r1/INSTANCE/CLASS2/MEMBER2/SUBSYSTEM2/BARSERVICE/v1/bar/zyggy?quu=1",
  headers=[["X-Road-Client", "INSTANCE/CLASS1/MEMBER1/SUBSYSTEM1"]], body="",
  expect=h("GET", "/r1/INSTANCE/CLASS2/MEMBER2/SUBSYSTEM2/BARSERVICE/v1/bar/zyggy?quu=1", [["X-Road-Client", "INSTANCE/CLASS1/MEMBER1/SUBSYSTEM1"]], ""))
v("hash-utf8-header-value", kind="hash", method="POST", target="/r1/EE/GOV/1/SUB/svc", headers=[["X-Note", "\u00e4\u20ac"]], body="\u00f5",
  expect=h("POST", "/r1/EE/GOV/1/SUB/svc", [["X-Note", "\u00e4\u20ac"]], "\u00f5"))
v("hash-invalid-method-lowercase", kind="hash", method="get", target="/r1/EE/GOV/1/SUB/svc", headers=[], body="", fault="InvalidHttpMethod")
v("hash-invalid-method-connect", kind="hash", method="CONNECT", target="/r1/EE/GOV/1/SUB/svc", headers=[], body="", fault="InvalidHttpMethod")

# ---- error rendering
errs = [("4.6-example-2-network-error", "Server.ServerProxy.NetworkError", "PEER_SERVER",
         "Connect to 10.139.178.1:8080 [/10.139.178.1] failed: Connection timed out (Connection timed out)", "9bc95b6e-2f1d-4a41-a7e6-11eda7d734d5", 500),
        ("4.6-example-3-bad-request", "Client.BadRequest", "CLIENT",
         "Error parsing the client's REST request. Please that the request format corresponds to the X-Road Message Protocol for REST (r1).", "018cbcae-537e-421b-b6f6-2608dc97bd90", 400),
        ("4.6-example-4-database-error", "Server.ServerProxy.DatabaseError", "THIS_SERVER",
         "Error accessing database (serverconf)", "3c4d0f08-440f-417f-b935-bc801e103d51", 500),
        ("client-proxy-outdated-global-conf", "Server.ClientProxy.OutdatedGlobalConf", "THIS_SERVER", "Global configuration is expired", "e1", 500),
        ("unprefixed-client-fault", "InvalidProtocolVersion", "CLIENT", "Unsupported REST protocol version 'r2', expected r1", "e2", 400),
        ("unprefixed-server-fault", "InternalError", "THIS_SERVER", "Internal error", "e3", 500),
        ("multi-segment-code", "Server.ServerProxy.ServiceFailed.HttpError", "PROVIDER", "Service returned \"bad\" \\ data\n", "e4", 500)]
for name, code, origin, msg, eid, status in errs:
    v("error-render-" + name, kind="errorRender", source="PR-REST " + name if name.startswith("4.6") else None,
      fault=code, origin=origin, message=msg, errorId=eid,
      expect={"status": status, "headers": [["Content-Type", "application/json;charset=utf-8"], ["X-Road-Error", code]],
              "body": {"type": code, "message": msg, "detail": eid}})

# ---- error parsing
v("error-parse-4.6-example-1-provider-error-not-x-road", kind="errorParse", source="PR-REST 4.6 examples 1 and 5A",
  headers=[["Content-Type", "application/json;charset=utf-8"], ["x-road-id", "5ea48ae9-15c1-465a-be15-9b6ef2c7ef4a"]],
  body='{\n  "timestamp":"2019-03-21T09:45:19.904Z",\n  "status":405,\n  "error":"Method Not Allowed",\n  "message":"Request method \'PUT\' not supported",\n  "path":"/v3/pet/findByStatus"\n}',
  expect=None)
for name, code, msg, eid in [("4.6-example-2", "Server.ServerProxy.NetworkError", "Connect to 10.139.178.1:8080 [/10.139.178.1] failed: Connection timed out (Connection timed out)", "9bc95b6e-2f1d-4a41-a7e6-11eda7d734d5"),
                             ("4.6-example-3", "Client.BadRequest", "Error parsing the client's REST request. Please that the request format corresponds to the X-Road Message Protocol for REST (r1).", "018cbcae-537e-421b-b6f6-2608dc97bd90"),
                             ("4.6-example-4", "Server.ServerProxy.DatabaseError", "Error accessing database (serverconf)", "3c4d0f08-440f-417f-b935-bc801e103d51")]:
    body = '{\n  "type":"%s",\n  "message":"%s",\n  "detail":"%s"\n}' % (code, msg, eid)
    v("error-parse-" + name, kind="errorParse", source="PR-REST " + name, headers=[["Content-Type", "application/json;charset=utf-8"], ["X-Road-Error", code]],
      body=body, expect={"type": code, "message": msg, "detail": eid, "faultCode": code})
v("error-parse-4.6-example-5-service-failed", kind="errorParse", source="PR-REST 4.6 example 5B",
  headers=[["X-Road-Error", "Server.ServerProxy.ServiceFailed"]], body='{"type":"Server.ServerProxy.ServiceFailed","message":"m","detail":"d"}',
  expect={"type": "Server.ServerProxy.ServiceFailed", "message": "m", "detail": "d", "faultCode": "Server.ServerProxy.ServiceFailed"})
v("error-parse-snake-case-7.8", kind="errorParse", source="X-Road 7.8 lower-case codes",
  headers=[["x-road-error", "server.clientproxy.outdated_global_conf"]], body='{"type":"server.clientproxy.outdated_global_conf","message":"expired","detail":"x"}',
  expect={"type": "server.clientproxy.outdated_global_conf", "message": "expired", "detail": "x", "faultCode": "Server.ClientProxy.OutdatedGlobalConf"})
v("error-parse-unknown-code-kept-as-text", kind="errorParse", headers=[["X-Road-Error", "Server.ServerProxy.SomethingNew"]],
  body='{"type":"Server.ServerProxy.SomethingNew","message":"m","detail":null,"extra":[1,2]}',
  expect={"type": "Server.ServerProxy.SomethingNew", "message": "m", "detail": "", "faultCode": None})
for name, body in [("not-json", "<html>oops</html>"), ("array", '[{"type":"Client.BadRequest"}]'),
                   ("missing-type", '{"message":"m","detail":"d"}'), ("type-number", '{"type":400}'),
                   ("empty-type", '{"type":""}'), ("message-object", '{"type":"Client.BadRequest","message":{}}'),
                   ("duplicate-key", '{"type":"Client.BadRequest","type":"Server.ServerProxy.AccessDenied"}'),
                   ("trailing-garbage", '{"type":"Client.BadRequest"} {}'), ("empty", ""),
                   ("too-deep", '{"type":"Client.BadRequest","x":' + "[" * 20 + "]" * 20 + "}")]:
    v("error-parse-invalid-" + name, kind="errorParse", headers=[["X-Road-Error", "Client.BadRequest"]], body=body, fault="InvalidResponse")
v("error-parse-invalid-too-large", kind="errorParse", headers=[["X-Road-Error", "Client.BadRequest"]],
  body='{"type":"Client.BadRequest","message":"', padBodyTo=65537, fault="InvalidResponse")
print(n, "vectors")
