import logging

from tencentcloud.common import credential
from tencentcloud.common.exception.tencent_cloud_sdk_exception import (
    TencentCloudSDKException,
)
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.sms.v20210111 import models as sms_models
from tencentcloud.sms.v20210111.sms_client import SmsClient

from odoo.addons.sms.tools.sms_api import SmsApiBase

_logger = logging.getLogger(__name__)

# SendSms error codes (https://cloud.tencent.com/document/product/382/52075)
# mapped to the provider-neutral failure types of sms_template_code
TENCENT_CODE_TO_STATE = {
    "InvalidParameterValue.IncorrectPhoneNumber": "wrong_number_format",
    "FailedOperation.PhoneNumberInBlacklist": "wrong_number_format",
    "LimitExceeded.PhoneNumberThirtySecondLimit": "sms_rate_limit",
    "LimitExceeded.PhoneNumberOneHourLimit": "sms_rate_limit",
    "LimitExceeded.PhoneNumberDailyLimit": "sms_rate_limit",
    "LimitExceeded.PhoneNumberSameContentDailyLimit": "sms_rate_limit",
    "LimitExceeded.DeliveryFrequencyLimit": "sms_rate_limit",
    "RequestLimitExceeded": "sms_rate_limit",
    "FailedOperation.TemplateIncorrectOrUnapproved": "sms_template",
    "FailedOperation.MissingTemplateToModify": "sms_template",
    "InvalidParameterValue.TemplateParameterFormatError": "sms_template",
    "FailedOperation.SignatureIncorrectOrUnapproved": "sms_signature",
    "FailedOperation.InsufficientBalanceInSmsPackage": "insufficient_credit",
    "FailedOperation.ContainDomesticAndInternationalPhoneNumber": "wrong_number_format",
    "FailedOperation.SmsSdkAppIdVerifyFail": "unregistered",
    "AuthFailure.SignatureFailure": "unregistered",
    "AuthFailure.SecretIdNotFound": "unregistered",
    "UnauthorizedOperation.SmsSdkAppIdVerifyFail": "unregistered",
    "InternalError.Timeout": "server_error",
}
MAX_NUMBERS_PER_REQUEST = 200  # documented limit of PhoneNumberSet


class SmsApiTencentCloud(SmsApiBase):
    PROVIDER_TO_SMS_FAILURE_TYPE = SmsApiBase.PROVIDER_TO_SMS_FAILURE_TYPE | {
        "insufficient_credit": "sms_credit",
        "unregistered": "sms_acc",
        "sms_rate_limit": "sms_rate_limit",
        "sms_template": "sms_template",
        "sms_signature": "sms_signature",
    }

    def _get_client(self, company_sudo):
        return SmsClient(
            credential.Credential(
                company_sudo.sms_tencentcloud_secret_id or "",
                company_sudo.sms_tencentcloud_secret_key or "",
            ),
            company_sudo.sms_tencentcloud_region or "ap-guangzhou",
            ClientProfile(
                httpProfile=HttpProfile(
                    protocol=company_sudo.sms_tencentcloud_protocol,
                    endpoint=company_sudo.sms_tencentcloud_endpoint,
                    reqTimeout=10,
                )
            ),
        )

    @staticmethod
    def _template_param_set(params):
        """Tencent templates take positional parameters {1}, {2}...: the
        mapping names them 1, 2, ... (other names keep their given order)."""
        return [
            str(value)
            for _name, value in sorted(
                params.items(),
                key=lambda item: (
                    not item[0].isdigit(),
                    int(item[0]) if item[0].isdigit() else 0,
                ),
            )
        ]

    def _send_sms_batch(self, messages, delivery_reports_url=False):
        """Send the SMS with SendSms, one request per template and parameters
        (up to 200 numbers each). See params and returns in
        sms/tools/sms_api.py; results also give the provider's message id
        (``sms_provider_ref``)."""
        company_sudo = (self.company or self.env.company).sudo()
        client = self._get_client(company_sudo)
        uuids = [
            n["uuid"] for message in messages for n in message.get("numbers") or []
        ]
        sms_by_uuid = (
            self.env["sms.sms"].sudo().search([("uuid", "in", uuids)]).grouped("uuid")
        )
        results = []
        groups = {}
        for message in messages:
            for number_info in message.get("numbers") or []:
                sms = sms_by_uuid.get(number_info["uuid"])
                code, params = (
                    sms._get_provider_template(company_sudo) if sms else (False, {})
                )
                if not code:
                    results.append(
                        {
                            "uuid": number_info["uuid"],
                            "state": "sms_template",
                            "failure_reason": self._get_sms_api_error_messages()[
                                "sms_template_missing"
                            ],
                        }
                    )
                    continue
                key = (code, tuple(self._template_param_set(params)))
                groups.setdefault(key, []).append(number_info)
        for (code, param_set), numbers in groups.items():
            for start in range(0, len(numbers), MAX_NUMBERS_PER_REQUEST):
                results += self._send_group(
                    client,
                    company_sudo,
                    code,
                    list(param_set),
                    numbers[start : start + MAX_NUMBERS_PER_REQUEST],
                )
        return results

    def _send_group(self, client, company_sudo, code, param_set, numbers):
        request = sms_models.SendSmsRequest()
        request.SmsSdkAppId = company_sudo.sms_tencentcloud_sdk_app_id
        request.SignName = company_sudo.sms_sign_name
        request.TemplateId = code
        request.TemplateParamSet = param_set
        request.PhoneNumberSet = [n["number"] for n in numbers]
        try:
            response = client.SendSms(request)
        except TencentCloudSDKException as e:
            state = TENCENT_CODE_TO_STATE.get(e.code, "server_error")
            if state == "server_error":
                _logger.warning("Tencent Cloud SMS API error: %s", e)
            reason = f"{e.code}: {e.message}"
            return [
                {"uuid": n["uuid"], "state": state, "failure_reason": reason}
                for n in numbers
            ]
        # statuses come in the order of PhoneNumberSet
        results = []
        for number_info, status in zip(numbers, response.SendStatusSet, strict=True):
            if status.Code == "Ok":
                results.append(
                    {
                        "uuid": number_info["uuid"],
                        "state": "success",
                        "sms_provider_ref": status.SerialNo,
                    }
                )
            else:
                results.append(
                    {
                        "uuid": number_info["uuid"],
                        "state": TENCENT_CODE_TO_STATE.get(status.Code, "server_error"),
                        "failure_reason": f"{status.Code}: {status.Message}",
                    }
                )
        return results

    def _get_sms_api_error_messages(self):
        error_dict = super()._get_sms_api_error_messages()
        error_dict.update(
            sms_template_missing=self.env._(
                "No approved provider template: map the SMS template to a "
                "Tencent Cloud template ID, or set a fallback template in Settings."
            ),
        )
        return error_dict
