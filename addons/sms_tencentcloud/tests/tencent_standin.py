"""A local stand-in of Tencent Cloud's SMS API (sms 2021-01-11).

It checks the TC3-HMAC-SHA256 signature of each request as documented
(https://cloud.tencent.com/document/api/382/52071) and answers the documented
SendSms payloads: per-number success, or the per-number error the test queued
for a phone number; a wrong signature gets the request-level error.
"""

import hashlib
import hmac
import json
import threading
import time
import uuid
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# documented SendStatus codes and messages
ERRORS = {
    "InvalidParameterValue.IncorrectPhoneNumber": "incorrect phone number",
    "LimitExceeded.PhoneNumberThirtySecondLimit": "the number of SMS messages "
    "sent from "
    "a single mobile number within 30 seconds exceeds the upper limit",
    "FailedOperation.TemplateIncorrectOrUnapproved": "template is not approved or "
    "request content does not match the approved template content",
    "FailedOperation.InsufficientBalanceInSmsPackage": "insufficient balance "
    "in SMS package",
    "FailedOperation.SignatureIncorrectOrUnapproved": "signature is not approved",
    "InternalError.Timeout": "timeout",
}


def _hmac(key, msg):
    return hmac.new(key, msg.encode(), hashlib.sha256).digest()


class TencentSmsStandIn:
    def __init__(self, secret_id, secret_key, sdk_app_id):
        self.secret_id = secret_id
        self.secret_key = secret_key
        self.sdk_app_id = sdk_app_id
        self.sent = []  # accepted SendSms requests: (phone number, request params)
        self.errors = {}  # phone number -> list of error codes to answer, in turn
        self.rejected_signatures = 0
        self.lock = threading.Lock()
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                payload = {"Response": standin._handle(self, body)}
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
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
        algorithm, _sep, rest = handler.headers.get("Authorization", "").partition(" ")
        parts = dict(p.strip().split("=", 1) for p in rest.split(",") if "=" in p)
        secret_id, date, service, _end = (parts.get("Credential", "") + "///").split(
            "/"
        )[:4]
        timestamp = handler.headers.get("X-TC-Timestamp", "0")
        if algorithm != "TC3-HMAC-SHA256" or secret_id != self.secret_id:
            return False
        if abs(time.time() - int(timestamp)) > 300:
            return False
        if datetime.fromtimestamp(int(timestamp), UTC).strftime("%Y-%m-%d") != date:
            return False
        signed_headers = parts.get("SignedHeaders", "")
        canonical_headers = "".join(
            "{}:{}\n".format(name, handler.headers.get(name, "").strip().lower())
            for name in signed_headers.split(";")
        )
        canonical_request = "\n".join(
            [
                handler.command,
                "/",
                "",
                canonical_headers,
                signed_headers,
                hashlib.sha256(body).hexdigest(),
            ]
        )
        string_to_sign = "\n".join(
            [
                "TC3-HMAC-SHA256",
                timestamp,
                f"{date}/{service}/tc3_request",
                hashlib.sha256(canonical_request.encode()).hexdigest(),
            ]
        )
        secret_date = _hmac(("TC3" + self.secret_key).encode(), date)
        secret_signing = _hmac(_hmac(secret_date, service), "tc3_request")
        expected = hmac.new(
            secret_signing, string_to_sign.encode(), hashlib.sha256
        ).hexdigest()
        return hmac.compare_digest(expected, parts.get("Signature", ""))

    def _handle(self, handler, body):
        request_id = str(uuid.uuid4())
        if not self._signature_ok(handler, body):
            self.rejected_signatures += 1
            return {
                "Error": {
                    "Code": "AuthFailure.SignatureFailure",
                    "Message": "The provided credentials could not be validated.",
                },
                "RequestId": request_id,
            }
        params = json.loads(body)
        if handler.headers.get("X-TC-Action") != "SendSms":
            return {"Error": {"Code": "InvalidAction"}, "RequestId": request_id}
        if params.get("SmsSdkAppId") != self.sdk_app_id:
            return {
                "Error": {
                    "Code": "FailedOperation.SmsSdkAppIdVerifyFail",
                    "Message": "SmsSdkAppId verify failed.",
                },
                "RequestId": request_id,
            }
        statuses = []
        for number in params.get("PhoneNumberSet") or []:
            with self.lock:
                queued = self.errors.get(number)
                code = queued.pop(0) if queued else "Ok"
                if code == "Ok":
                    self.sent.append((number, params))
            statuses.append(
                {
                    "SerialNo": f"2028:{uuid.uuid4().int}" if code == "Ok" else "",
                    "PhoneNumber": number,
                    "Fee": 1 if code == "Ok" else 0,
                    "SessionContext": params.get("SessionContext", ""),
                    "Code": code,
                    "Message": "send success" if code == "Ok" else ERRORS[code],
                    "IsoCode": "CN",
                }
            )
        return {"SendStatusSet": statuses, "RequestId": request_id}
