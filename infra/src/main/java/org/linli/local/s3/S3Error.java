package org.linli.local.s3;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** An S3 error answer: status, S3's code and message, in S3's XML. */
record S3Error(int status, String code, String message) {
    static S3Error accessDenied(String message) {
        return new S3Error(403, "AccessDenied", message);
    }

    /** Policy refusals read as S3 words them: "Invalid according to Policy: ...". */
    static S3Error policy(String detail) {
        return accessDenied("Invalid according to Policy: " + detail);
    }

    static S3Error badRequest(String code, String message) {
        return new S3Error(400, code, message);
    }

    void write(HttpServletResponse response, String requestId) throws IOException {
        response.setStatus(status);
        response.setContentType("application/xml");
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + xml(code) + "</Code><Message>" + xml(message)
                + "</Message><RequestId>" + requestId + "</RequestId><HostId>local</HostId></Error>").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
