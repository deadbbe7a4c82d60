"""A local stand-in of Alibaba Cloud's SMS API (dysmsapi 2017-05-25).

It checks the ACS3-HMAC-SHA256 signature of each request as documented
(https://help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature)
and answers the documented SendSms payloads: success, or the error the test
queued for a phone number.
"""

import hashlib
import hmac
import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, quote, urlsplit

# documented SendSms error payloads (Code, Message)
ERRORS = {
    "isv.MOBILE_NUMBER_ILLEGAL": "非法手机号",
    "isv.BUSINESS_LIMIT_CONTROL": "触发号码天级流控Permits:10",
    "isv.SMS_TEMPLATE_ILLEGAL": "该账号下找不到对应模板",
    "isv.AMOUNT_NOT_ENOUGH": "账户余额不足",
    "isv.SMS_SIGNATURE_ILLEGAL": "该账号下找不到对应签名",
    "isp.SYSTEM_ERROR": "系统出现错误，请重新调用",
}


class AliyunSmsStandIn:
    def __init__(self, access_key_id, access_key_secret):
        self.access_key_id = access_key_id
        self.access_key_secret = access_key_secret
        self.sent = []  # the accepted SendSms requests (query params)
        self.errors = {}  # phone number -> list of error codes to answer, in turn
        self.rejected_signatures = 0
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, payload = standin._handle(self, body)
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json;charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.endpoint = f"127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def _signature_ok(self, handler, body):
        authorization = handler.headers.get("Authorization", "")
        algorithm, _sep, rest = authorization.partition(" ")
        parts = dict(part.split("=", 1) for part in rest.split(",") if "=" in part)
        if (
            algorithm != "ACS3-HMAC-SHA256"
            or parts.get("Credential") != self.access_key_id
        ):
            return False
        payload_hash = hashlib.sha256(body).hexdigest()
        if handler.headers.get("x-acs-content-sha256") != payload_hash:
            return False
        url = urlsplit(handler.path)
        query = sorted(parse_qsl(url.query, keep_blank_values=True))
        canonical_query = "&".join(
            "{}={}".format(quote(k, safe="~"), quote(v, safe="~")) for k, v in query
        )
        signed_headers = parts.get("SignedHeaders", "").split(";")
        canonical_headers = "".join(
            "{}:{}\n".format(name, (handler.headers.get(name) or "").strip())
            for name in signed_headers
        )
        canonical_request = "\n".join(
            [
                handler.command,
                url.path or "/",
                canonical_query,
                canonical_headers,
                ";".join(signed_headers),
                payload_hash,
            ]
        )
        string_to_sign = (
            "ACS3-HMAC-SHA256\n"
            + hashlib.sha256(canonical_request.encode()).hexdigest()
        )
        expected = hmac.new(
            self.access_key_secret.encode(), string_to_sign.encode(), hashlib.sha256
        ).hexdigest()
        return hmac.compare_digest(expected, parts.get("Signature", ""))

    def _handle(self, handler, body):
        request_id = str(uuid.uuid4()).upper()
        if not self._signature_ok(handler, body):
            self.rejected_signatures += 1
            return 400, {
                "RequestId": request_id,
                "Code": "IncompleteSignature",
                "Message": "The request signature does not conform to "
                "Aliyun standards.",
            }
        params = dict(parse_qsl(urlsplit(handler.path).query))
        params.update(parse_qsl(body.decode()))
        if handler.headers.get("x-acs-action") != "SendSms":
            return 404, {"RequestId": request_id, "Code": "InvalidAction.NotFound"}
        queued = self.errors.get(params.get("PhoneNumbers"))
        if queued:
            code = queued.pop(0)
            return 200, {"RequestId": request_id, "Code": code, "Message": ERRORS[code]}
        self.sent.append(params)
        return 200, {
            "RequestId": request_id,
            "Code": "OK",
            "Message": "OK",
            "BizId": f"{uuid.uuid4().int}^0",
        }
