import json
import logging

from alibabacloud_dysmsapi20170525 import models as dysms_models
from alibabacloud_dysmsapi20170525.client import Client
from alibabacloud_tea_openapi.exceptions import AlibabaCloudException
from alibabacloud_tea_openapi.utils_models import Config
from darabonba.runtime import RuntimeOptions

from odoo.addons.sms.tools.sms_api import SmsApiBase

_logger = logging.getLogger(__name__)

# SendSms error codes (https://help.aliyun.com/zh/sms/developer-reference/api-error-codes)
# mapped to the provider-neutral failure types of sms_template_code
ALIYUN_CODE_TO_STATE = {
    "isv.MOBILE_NUMBER_ILLEGAL": "wrong_number_format",
    "isv.MOBILE_COUNT_OVER_LIMIT": "wrong_number_format",
    "isv.BUSINESS_LIMIT_CONTROL": "sms_rate_limit",
    "isv.DAY_LIMIT_CONTROL": "sms_rate_limit",
    "Throttling.User": "sms_rate_limit",
    "isv.SMS_TEMPLATE_ILLEGAL": "sms_template",
    "isv.TEMPLATE_MISSING_PARAMETERS": "sms_template",
    "isv.TEMPLATE_PARAMS_ILLEGAL": "sms_template",
    "isv.SMS_SIGNATURE_ILLEGAL": "sms_signature",
    "isv.SMS_SIGN_ILLEGAL": "sms_signature",
    "isv.AMOUNT_NOT_ENOUGH": "insufficient_credit",
    "isv.OUT_OF_SERVICE": "insufficient_credit",
    "isv.ACCOUNT_NOT_EXISTS": "unregistered",
    "isv.ACCOUNT_ABNORMAL": "unregistered",
    "InvalidAccessKeyId.NotFound": "unregistered",
    "IncompleteSignature": "unregistered",
    "SignatureDoesNotMatch": "unregistered",
    "isp.SYSTEM_ERROR": "server_error",
    "isp.RAM_PERMISSION_DENY": "unregistered",
}


class SmsApiAliyun(SmsApiBase):
    PROVIDER_TO_SMS_FAILURE_TYPE = SmsApiBase.PROVIDER_TO_SMS_FAILURE_TYPE | {
        "insufficient_credit": "sms_credit",
        "unregistered": "sms_acc",
        "sms_rate_limit": "sms_rate_limit",
        "sms_template": "sms_template",
        "sms_signature": "sms_signature",
    }

    def _get_client(self, company_sudo):
        return Client(
            Config(
                access_key_id=company_sudo.sms_aliyun_access_key_id,
                access_key_secret=company_sudo.sms_aliyun_access_key_secret,
                endpoint=company_sudo.sms_aliyun_endpoint,
                protocol=company_sudo.sms_aliyun_protocol,
                connect_timeout=5000,
                read_timeout=10000,
            )
        )

    def _send_sms_batch(self, messages, delivery_reports_url=False):
        """Send each SMS with SendSms, using the template it maps to.
        See params and returns in sms/tools/sms_api.py; results also give the
        provider's message id (``sms_provider_ref``)."""
        company_sudo = (self.company or self.env.company).sudo()
        client = self._get_client(company_sudo)
        runtime = RuntimeOptions()
        uuids = [
            n["uuid"] for message in messages for n in message.get("numbers") or []
        ]
        sms_by_uuid = (
            self.env["sms.sms"].sudo().search([("uuid", "in", uuids)]).grouped("uuid")
        )
        error_messages = self._get_sms_api_error_messages()
        results = []
        for message in messages:
            for number_info in message.get("numbers") or []:
                uuid = number_info["uuid"]
                sms = sms_by_uuid.get(uuid)
                code, params = (
                    sms._get_provider_template(company_sudo) if sms else (False, {})
                )
                if not code:
                    results.append(
                        {
                            "uuid": uuid,
                            "state": "sms_template",
                            "failure_reason": error_messages["sms_template_missing"],
                        }
                    )
                    continue
                results.append(
                    self._send_one(
                        client,
                        runtime,
                        company_sudo,
                        number_info["number"],
                        uuid,
                        code,
                        params,
                    )
                )
        return results

    def _send_one(self, client, runtime, company_sudo, number, uuid, code, params):
        request = dysms_models.SendSmsRequest(
            phone_numbers=number,
            sign_name=company_sudo.sms_sign_name,
            template_code=code,
            template_param=json.dumps(params, ensure_ascii=False),
            out_id=uuid,
        )
        try:
            body = client.send_sms_with_options(request, runtime).body
        except AlibabaCloudException as e:
            error_code, error_message = e.code, e.message
        except Exception as e:  # noqa: BLE001 - network errors of the SDK's HTTP client
            _logger.warning("Alibaba Cloud SMS API error: %s", e)
            return {"uuid": uuid, "state": "server_error", "failure_reason": str(e)}
        else:
            if body.code == "OK":
                return {
                    "uuid": uuid,
                    "state": "success",
                    "sms_provider_ref": body.biz_id,
                }
            error_code, error_message = body.code, body.message
        state = ALIYUN_CODE_TO_STATE.get(error_code, "server_error")
        return {
            "uuid": uuid,
            "state": state,
            "failure_reason": f"{error_code}: {error_message}",
        }

    def _get_sms_api_error_messages(self):
        error_dict = super()._get_sms_api_error_messages()
        error_dict.update(
            sms_template_missing=self.env._(
                "No approved provider template: map the SMS template to an "
                "Alibaba Cloud template code, or set a fallback template in Settings."
            ),
        )
        return error_dict
